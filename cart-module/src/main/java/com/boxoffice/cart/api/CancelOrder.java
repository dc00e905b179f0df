package com.boxoffice.cart.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Voids an order because one of its concerts will not take place: a confirmed order is cancelled with a refund of its
 * total, a pending one is rejected (its reservations are released either way). Cancelling an order that ended
 * already (rejected or cancelled) changes nothing.
 *
 * @param reason why, as the customer reads it (e.g. "Concert … is cancelled")
 */
public record CancelOrder(@TargetAggregateIdentifier UUID orderId, String reason) {
}
