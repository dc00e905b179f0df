package com.boxoffice.ticketing.api;

import java.math.BigDecimal;
import java.util.UUID;

/** Tickets are held for an order at the concert's price of that moment. */
public record TicketsReserved(UUID concertId, UUID orderId, int quantity, BigDecimal unitPrice) {
}
