package com.boxoffice.cart.api;

import java.math.BigDecimal;
import java.util.UUID;

/** Ticketing holds the tickets of one line of the order, reserved at {@code unitPrice}. */
public record OrderLineReserved(UUID orderId, UUID concertId, int quantity, BigDecimal unitPrice) {
}
