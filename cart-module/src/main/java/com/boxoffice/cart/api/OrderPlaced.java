package com.boxoffice.cart.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** An order was placed for a checked-out cart; it is PENDING until its tickets are reserved and sold. */
public record OrderPlaced(UUID orderId, UUID cartId, String customerId, List<CartLine> lines, BigDecimal total) {

    public OrderPlaced {
        lines = List.copyOf(lines);
    }
}
