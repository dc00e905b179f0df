package com.boxoffice.ticketing.api;

import java.util.UUID;

/**
 * The order already holds a reservation for this concert with another quantity. A retry must repeat the original
 * request; a different quantity is a different request that the order has to make through a release first.
 */
public class ReservationMismatchException extends TicketingException {

    public ReservationMismatchException(UUID concertId, UUID orderId, int held, int requested) {
        super("Order " + orderId + " already holds " + held + " ticket(s) of concert " + concertId + ", not " + requested);
    }
}
