package com.boxoffice.ticketing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Turns the order's reserved tickets into sold ones. Confirming twice is a no-op. */
public record ConfirmReservation(@TargetAggregateIdentifier UUID concertId, UUID orderId) {
}
