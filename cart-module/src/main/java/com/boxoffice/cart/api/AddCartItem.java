package com.boxoffice.cart.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Adds tickets of a concert to a cart (to its existing line for that concert, if any).
 *
 * @param unitPrice the concert's ticket price when adding, looked up in ticketing's catalogue by the sender, so the
 *                  cart stays free of queries
 * @param customerId the customer asking: only the cart's own customer may change it
 */
public record AddCartItem(@TargetAggregateIdentifier UUID cartId, UUID concertId, int quantity, BigDecimal unitPrice,
                          String customerId) {
}
