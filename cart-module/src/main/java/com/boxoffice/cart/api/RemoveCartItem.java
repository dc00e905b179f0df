package com.boxoffice.cart.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Removes a cart's line for a concert. */
public record RemoveCartItem(@TargetAggregateIdentifier UUID cartId, UUID concertId) {
}
