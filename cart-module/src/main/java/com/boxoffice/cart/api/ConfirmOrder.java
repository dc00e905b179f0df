package com.boxoffice.cart.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Marks a fully reserved order as confirmed once ticketing sold every line. Confirming twice changes nothing. */
public record ConfirmOrder(@TargetAggregateIdentifier UUID orderId) {
}
