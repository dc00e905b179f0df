package com.boxoffice.ticketing.api;

import java.math.BigDecimal;
import java.util.UUID;

/** The answer to {@link ReserveTickets}: what the order holds, at which price. */
public record Reservation(UUID concertId, UUID orderId, int quantity, BigDecimal unitPrice) {

    public BigDecimal total() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
