package com.boxoffice.kernel.idempotency;

import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * An endpoint that honours {@code Idempotency-Key}, declared by its context as a bean: a retried request with the
 * same key answers what the first answered.
 *
 * @param method  its method, e.g. POST
 * @param pattern its path, e.g. {@code /api/carts/{cartId}/checkout}
 */
public record IdempotentEndpoint(HttpMethod method, String pattern) {

    PathPattern parsed() {
        return PathPatternParser.defaultInstance.parse(pattern);
    }
}
