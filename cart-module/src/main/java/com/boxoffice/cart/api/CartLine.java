package com.boxoffice.cart.api;

import java.math.BigDecimal;
import java.util.UUID;

/** One line of a cart: tickets of one concert at the price they were added at. */
public record CartLine(UUID concertId, int quantity, BigDecimal unitPrice) {

    public BigDecimal total() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
