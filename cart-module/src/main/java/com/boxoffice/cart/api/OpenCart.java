package com.boxoffice.cart.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Opens a cart for a customer. */
public record OpenCart(@TargetAggregateIdentifier UUID cartId, String customerId) {
}
