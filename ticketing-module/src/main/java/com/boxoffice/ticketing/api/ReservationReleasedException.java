package com.boxoffice.ticketing.api;

import java.util.UUID;

/** The order's reservation was released; it can be neither confirmed nor taken again. */
public class ReservationReleasedException extends TicketingException {

    public ReservationReleasedException(UUID concertId, UUID orderId) {
        super("The reservation of order " + orderId + " for concert " + concertId + " was released");
    }
}
