package com.boxoffice.ticketing.api;

import java.util.UUID;

/** The order holds no reservation for this concert. */
public class UnknownReservationException extends TicketingException {

    public UnknownReservationException(UUID concertId, UUID orderId) {
        super("Order " + orderId + " holds no reservation for concert " + concertId);
    }
}
