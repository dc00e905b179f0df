package com.boxoffice.cart.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as the projection shows it, a moment behind its events.
 *
 * @param reason   why the order was rejected or cancelled; null unless REJECTED or CANCELLED
 * @param placedAt when the order was placed
 */
public record OrderView(UUID orderId, UUID cartId, String customerId, OrderStatus status, List<CartLine> lines,
                        BigDecimal total, String reason, Instant placedAt) {

    public OrderView {
        lines = List.copyOf(lines);
    }
}
