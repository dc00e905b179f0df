package com.boxoffice.cart.api;

import java.util.UUID;

/**
 * A customer's command to another customer's cart. Answered exactly as a cart that does not exist, so that nobody
 * learns which cart ids are taken; not a {@link CartException}, whose refusals tell about the cart's state.
 */
public final class NotYourCartException extends RuntimeException {

    private final UUID cartId;

    public NotYourCartException(UUID cartId) {
        super("Cart " + cartId + " belongs to another customer");
        this.cartId = cartId;
    }

    public UUID cartId() {
        return cartId;
    }
}
