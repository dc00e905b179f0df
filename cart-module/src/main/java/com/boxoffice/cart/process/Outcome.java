package com.boxoffice.cart.process;

/**
 * What became of a command that the receiving context may refuse: done with its result, or refused with the reason.
 * Technical failures are not outcomes: they are thrown, so that the processor retries the event.
 */
sealed interface Outcome<R> {

    record Done<R>(R result) implements Outcome<R> {
    }

    record Refused<R>(String reason) implements Outcome<R> {
    }
}
