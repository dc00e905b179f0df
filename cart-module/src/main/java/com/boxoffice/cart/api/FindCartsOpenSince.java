package com.boxoffice.cart.api;

import java.time.Instant;

/**
 * Asks for the carts still OPEN that were opened at or before {@code openedAtOrBefore} (abandoned carts, e.g. for a
 * reminder two weeks on), oldest first; answered with a list of {@link CartView}.
 *
 * @param limit the most carts to answer, 1 to {@value #MAX_LIMIT}
 */
public record FindCartsOpenSince(Instant openedAtOrBefore, int limit) {

    public static final int MAX_LIMIT = 1000;

    public FindCartsOpenSince {
        if (openedAtOrBefore == null) {
            throw new IllegalArgumentException("openedAtOrBefore is required");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }
}
