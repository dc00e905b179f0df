package com.boxoffice.ticketing.api;

/** A concert cannot be scheduled with these values. {@link #field()} names the offending one. */
public class InvalidConcertException extends TicketingException {

    private final String field;

    public InvalidConcertException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
