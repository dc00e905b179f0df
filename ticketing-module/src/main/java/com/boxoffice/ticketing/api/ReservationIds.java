package com.boxoffice.ticketing.api;

import java.util.UUID;

/**
 * The identifier of one order's reservation of one concert: {@code <concertId>/<orderId>}. The concert's id comes first,
 * so that the event store can keep a concert and its reservations in one log partition (one head per commit of a batch
 * of reservations).
 */
public final class ReservationIds {

    public static final char SEPARATOR = '/';

    private ReservationIds() {
    }

    public static String of(UUID concertId, UUID orderId) {
        if (concertId == null || orderId == null) {
            throw new InvalidReservationException("concertId and orderId are required, were " + concertId + " and " + orderId);
        }
        return concertId.toString() + SEPARATOR + orderId;
    }
}
