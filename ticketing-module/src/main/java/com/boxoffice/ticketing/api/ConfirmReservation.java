package com.boxoffice.ticketing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Turns the order's reserved tickets into sold ones. Confirming twice is a no-op. */
public record ConfirmReservation(UUID concertId, UUID orderId) {

    /** The order's reservation of the concert, which decides this command on its own (the concert is not involved). */
    @TargetAggregateIdentifier
    public String reservationId() {
        return ReservationIds.of(concertId, orderId);
    }
}
