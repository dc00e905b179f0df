package com.boxoffice.ticketing.api;

import java.time.Instant;
import java.util.UUID;

/** The concert has started (or is over): tickets are no longer reserved. */
public class SalesClosedException extends TicketingException {

    public SalesClosedException(UUID concertId, Instant startsAt) {
        super("Concert " + concertId + " started at " + startsAt + "; ticket sales are closed");
    }
}
