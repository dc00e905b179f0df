package com.boxoffice.cart.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Places the order a checkout made: the checked-out cart's lines and total. Placing an order that exists already does
 * nothing, so the checkout process may send it again after a crash.
 */
public record PlaceOrder(@TargetAggregateIdentifier UUID orderId, UUID cartId, String customerId, List<CartLine> lines,
                         BigDecimal total) {

    public PlaceOrder {
        lines = lines == null ? null : List.copyOf(lines);
    }
}
