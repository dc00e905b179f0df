package com.boxoffice.ticketing.api;

import java.util.UUID;

/** The order's tickets are sold; a release cannot give them back. */
public class ReservationConfirmedException extends TicketingException {

    public ReservationConfirmedException(UUID concertId, UUID orderId) {
        super("The reservation of order " + orderId + " for concert " + concertId + " is confirmed (sold) and cannot be released");
    }
}
