package com.boxoffice.cart.api;

/** An order command that can never succeed as sent (no lines, a line of another order, ...). */
public class InvalidOrderException extends CartException {

    public InvalidOrderException(String message) {
        super(message);
    }
}
