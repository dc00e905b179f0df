package com.boxoffice.ticketing.api;

/** A reservation request that can never succeed as sent (e.g. a quantity below one). */
public class InvalidReservationException extends TicketingException {

    public InvalidReservationException(String message) {
        super(message);
    }
}
