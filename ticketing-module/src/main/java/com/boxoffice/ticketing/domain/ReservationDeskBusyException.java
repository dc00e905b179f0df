package com.boxoffice.ticketing.domain;

import org.axonframework.common.AxonTransientException;

/**
 * A reservation or release got no answer in time (or the application is stopping). Transient: the request may still
 * be decided, and a retry is answered as the first one was, since reservations are idempotent per order.
 */
public class ReservationDeskBusyException extends AxonTransientException {

    public ReservationDeskBusyException(String message) {
        super(message);
    }
}
