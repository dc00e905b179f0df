package com.boxoffice.cart.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Closes an open cart without ordering. */
public record CloseCart(@TargetAggregateIdentifier UUID cartId) {
}
