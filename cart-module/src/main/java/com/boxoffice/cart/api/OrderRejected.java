package com.boxoffice.cart.api;

import java.util.List;
import java.util.UUID;

/**
 * The order was refused; its lines are listed so that every reservation it may have taken can be released.
 *
 * @param reason why, as the customer reads it
 */
public record OrderRejected(UUID orderId, String reason, List<CartLine> lines) {

    public OrderRejected {
        lines = List.copyOf(lines);
    }
}
