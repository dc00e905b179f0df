package com.boxoffice.cart.api;

import java.util.UUID;

/** The cart is checked out or closed: it takes no more changes (409). */
public class CartNotOpenException extends CartException {

    public CartNotOpenException(UUID cartId, CartStatus status) {
        super("Cart " + cartId + " is " + status + ", not OPEN");
    }
}
