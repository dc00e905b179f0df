package com.boxoffice.cart.api;

import java.math.BigDecimal;
import java.util.UUID;

/** Tickets added; {@code lineQuantity} is the line's quantity after adding, at {@code unitPrice}. */
public record CartItemAdded(UUID cartId, UUID concertId, int quantity, int lineQuantity, BigDecimal unitPrice) {
}
