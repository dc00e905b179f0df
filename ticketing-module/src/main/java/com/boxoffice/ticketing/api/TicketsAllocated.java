package com.boxoffice.ticketing.api;

import java.util.List;
import java.util.UUID;

/**
 * The concert's count of the reservations it decided in one unit of work: {@code tickets} were taken from its
 * capacity for {@code orders} (each by the {@link TicketsReserved} event committed with this one), and
 * {@code available} tickets are left.
 * <p>
 * In the concert's own stream, before any later {@link ConcertCancelled}: a consumer that follows one concert's events
 * in order knows every order holding its tickets when it learns of the cancellation.
 */
public record TicketsAllocated(UUID concertId, int tickets, int available, List<UUID> orders) {

    public TicketsAllocated {
        orders = List.copyOf(orders);
    }
}
