package com.boxoffice.cart.web;

import java.time.Duration;

/** A command or query did not answer in time. Its outcome is unknown: it may still complete. Answered with 503. */
class CommandTimeoutException extends RuntimeException {

    CommandTimeoutException(String what, Duration timeout, Throwable cause) {
        super(what + " did not complete within " + timeout.toMillis() + " ms; it may still complete", cause);
    }
}
