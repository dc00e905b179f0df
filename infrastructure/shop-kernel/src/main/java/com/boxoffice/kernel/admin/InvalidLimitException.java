package com.boxoffice.kernel.admin;

/** A listing limit out of range: 400. */
public final class InvalidLimitException extends RuntimeException {

    InvalidLimitException(String message) {
        super(message);
    }
}
