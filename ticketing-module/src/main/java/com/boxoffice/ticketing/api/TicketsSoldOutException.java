package com.boxoffice.ticketing.api;

import java.util.UUID;

/** Fewer tickets are available than were asked for. */
public class TicketsSoldOutException extends TicketingException {

    private final UUID concertId;
    private final int requested;
    private final int available;

    public TicketsSoldOutException(UUID concertId, int requested, int available) {
        super("Concert " + concertId + " has " + available + " ticket(s) available, " + requested + " requested");
        this.concertId = concertId;
        this.requested = requested;
        this.available = available;
    }

    public UUID concertId() {
        return concertId;
    }

    public int requested() {
        return requested;
    }

    public int available() {
        return available;
    }
}
