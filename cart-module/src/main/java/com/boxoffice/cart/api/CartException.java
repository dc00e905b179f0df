package com.boxoffice.cart.api;

/** A cart command refused by the cart's state or rules; the REST layer maps each kind to its status. */
public abstract class CartException extends RuntimeException {

    protected CartException(String message) {
        super(message);
    }
}
