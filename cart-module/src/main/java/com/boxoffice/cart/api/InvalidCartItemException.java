package com.boxoffice.cart.api;

/** A quantity or price outside the cart's rules (400). */
public class InvalidCartItemException extends CartException {

    public InvalidCartItemException(String message) {
        super(message);
    }
}
