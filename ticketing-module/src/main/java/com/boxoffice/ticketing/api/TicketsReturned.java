package com.boxoffice.ticketing.api;

import java.util.UUID;

/**
 * Tickets went back into the concert's capacity, by the {@link ReservationReleased} events committed with this one;
 * {@code available} tickets are left.
 */
public record TicketsReturned(UUID concertId, int tickets, int available) {
}
