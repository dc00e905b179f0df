package com.boxoffice.cart.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Turns an open cart into an order with the given id (made by the sender, so a retried checkout is recognised), asked
 * by the customer {@code customerId} (only the cart's own may).
 */
public record CheckOutCart(@TargetAggregateIdentifier UUID cartId, UUID orderId, String customerId) {
}
