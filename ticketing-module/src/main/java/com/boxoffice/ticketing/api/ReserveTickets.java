package com.boxoffice.ticketing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Holds {@code quantity} tickets of a concert for an order, until the order confirms or releases them. Answers with a
 * {@link Reservation}; safe to retry (see the package documentation).
 */
public record ReserveTickets(@TargetAggregateIdentifier UUID concertId, UUID orderId, int quantity) {
}
