package com.boxoffice.cart.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Removes a cart's line for a concert, asked by the customer {@code customerId} (only the cart's own may). */
public record RemoveCartItem(@TargetAggregateIdentifier UUID cartId, UUID concertId, String customerId) {
}
