package com.boxoffice.kernel.admin;

/** A reset that cannot be done now or at all (claimed elsewhere, replay not allowed, not a streaming processor): 409. */
public final class ResetRefusedException extends RuntimeException {

    ResetRefusedException(String message) {
        super(message);
    }

    ResetRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
