package com.boxoffice.kernel.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problem+json answers of errors no context's advice covers: those raised before a handler is chosen (405 method
 * not allowed, 415 unsupported media type, 404 no such path) and those of handlers without an advice of their own.
 * Spring Boot's own problem-details handler backs off as soon as any {@code ResponseEntityExceptionHandler} exists,
 * so without this those errors would fall through to the plain-JSON error page. Ordered last: a context's advice,
 * ordered before it by {@link RestProblemHandler}, answers for its own controllers.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class FallbackProblemHandler extends RestProblemHandler {

    @Override
    protected String subject() {
        return "request";
    }
}
