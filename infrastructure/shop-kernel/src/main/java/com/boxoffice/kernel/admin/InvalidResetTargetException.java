package com.boxoffice.kernel.admin;

/** The {@code to} of a reset request is missing or not understood: 400. */
public final class InvalidResetTargetException extends RuntimeException {

    InvalidResetTargetException(String message) {
        super(message);
    }
}
