package com.boxoffice.cart.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Closes an open cart without ordering, asked by the customer {@code customerId} (only the cart's own may). */
public record CloseCart(@TargetAggregateIdentifier UUID cartId, String customerId) {
}
