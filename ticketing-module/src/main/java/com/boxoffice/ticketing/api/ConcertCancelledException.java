package com.boxoffice.ticketing.api;

import java.util.UUID;

/** The concert is cancelled: it reserves and sells no tickets. */
public class ConcertCancelledException extends TicketingException {

    public ConcertCancelledException(UUID concertId) {
        super("Concert " + concertId + " is cancelled");
    }
}
