package com.boxoffice.ticketing.api;

import java.util.UUID;

/** The order's reserved tickets are sold. */
public record ReservationConfirmed(UUID concertId, UUID orderId, int quantity) {
}
