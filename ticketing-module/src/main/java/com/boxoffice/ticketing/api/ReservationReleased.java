package com.boxoffice.ticketing.api;

import java.util.UUID;

/**
 * The order's reserved tickets are available again. {@code quantity} is zero when the order held nothing: the release
 * is still recorded, so that a late reservation for the order is refused.
 */
public record ReservationReleased(UUID concertId, UUID orderId, int quantity, String reason) {
}
