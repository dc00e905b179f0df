package com.boxoffice.cart.api;

/**
 * A command of the cart context (a cart's or an order's) refused by the aggregate's state or rules; nothing was
 * recorded. The REST layer maps each kind to its status.
 */
public abstract class CartException extends RuntimeException {

    protected CartException(String message) {
        super(message);
    }
}
