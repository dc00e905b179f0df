package com.boxoffice.ticketing.api;

/**
 * A command the ticketing context refused. Nothing was recorded. The subclasses say why; the message names the concert
 * and order concerned.
 */
public abstract class TicketingException extends RuntimeException {

    protected TicketingException(String message) {
        super(message);
    }
}
