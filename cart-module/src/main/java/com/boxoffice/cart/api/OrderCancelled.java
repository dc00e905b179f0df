package com.boxoffice.cart.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A confirmed order was voided: the customer is owed {@code refund} (EUR, the order's total), and every line's tickets
 * go back to ticketing.
 *
 * @param reason why, as the customer reads it
 */
public record OrderCancelled(UUID orderId, BigDecimal refund, String reason, List<CartLine> lines) {

    public OrderCancelled {
        lines = List.copyOf(lines);
    }
}
