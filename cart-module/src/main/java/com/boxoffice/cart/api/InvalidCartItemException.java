package com.boxoffice.cart.api;

/** A value outside the cart's rules (400); {@link #field()} names the offending one. */
public class InvalidCartItemException extends CartException {

    private final String field;

    public InvalidCartItemException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
