package com.boxoffice.ticketing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Gives the order's reserved tickets back. Releasing twice is a no-op; see the package documentation for an order that
 * holds nothing.
 *
 * @param reason why, for the record (e.g. "another line of the order was sold out")
 */
public record ReleaseReservation(@TargetAggregateIdentifier UUID concertId, UUID orderId, String reason) {
}
