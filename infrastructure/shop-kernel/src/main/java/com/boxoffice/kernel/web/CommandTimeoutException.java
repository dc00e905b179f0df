package com.boxoffice.kernel.web;

import java.time.Duration;

/** A command or query did not answer in time. Its outcome is unknown: it may still complete. Answered with 503. */
public class CommandTimeoutException extends RuntimeException {

    public CommandTimeoutException(String what, Duration timeout, Throwable cause) {
        super(what + " did not complete within " + timeout.toMillis() + " ms; it may still complete", cause);
    }
}
