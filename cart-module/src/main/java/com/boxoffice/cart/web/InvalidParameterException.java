package com.boxoffice.cart.web;

/** A query parameter that cannot be understood; answered with 400 naming the parameter. */
class InvalidParameterException extends RuntimeException {

    private final String parameter;

    InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
