package com.boxoffice.cart.api;

import java.util.UUID;

/** The cart has no line for that concert (404). */
public class CartLineNotFoundException extends CartException {

    public CartLineNotFoundException(UUID cartId, UUID concertId) {
        super("Cart " + cartId + " has no line for concert " + concertId);
    }
}
