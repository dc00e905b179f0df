package com.boxoffice.cart.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The cart became an order: its lines, as they stood, and their total. */
public record CartCheckedOut(UUID cartId, UUID orderId, String customerId, List<CartLine> lines, BigDecimal total) {

    public CartCheckedOut {
        lines = List.copyOf(lines);
    }
}
