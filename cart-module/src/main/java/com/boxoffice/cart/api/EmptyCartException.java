package com.boxoffice.cart.api;

import java.util.UUID;

/** An empty cart cannot be checked out (409). */
public class EmptyCartException extends CartException {

    public EmptyCartException(UUID cartId) {
        super("Cart " + cartId + " is empty: add tickets before checking out");
    }
}
