package com.boxoffice.cart.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A cart as the projection shows it, a moment behind its events.
 *
 * @param total    the sum of the lines, EUR with two decimals
 * @param openedAt when the cart was opened (its first event's timestamp)
 * @param orderId  the order it became, once checked out; otherwise null
 */
public record CartView(UUID cartId, String customerId, CartStatus status, List<CartLine> items, BigDecimal total,
                       Instant openedAt, UUID orderId) {

    public CartView {
        items = List.copyOf(items);
    }
}
