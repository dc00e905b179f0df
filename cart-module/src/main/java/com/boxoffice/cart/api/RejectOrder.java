package com.boxoffice.cart.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Rejects a pending order because ticketing refused one of its lines. Rejecting twice changes nothing; a confirmed
 * order cannot be rejected.
 *
 * @param reason why, as the customer reads it (e.g. ticketing's refusal)
 */
public record RejectOrder(@TargetAggregateIdentifier UUID orderId, String reason) {
}
