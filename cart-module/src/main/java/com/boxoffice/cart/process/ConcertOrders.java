package com.boxoffice.cart.process;

import java.util.List;
import java.util.UUID;

/**
 * Which orders hold tickets of a concert: what a cancellation has to void. Written from ticketing's
 * {@code TicketsAllocated}, in the concert's order of events. Adding an order twice keeps one entry.
 */
public interface ConcertOrders {

    void add(UUID concertId, List<UUID> orders);

    /** Every order added for the concert, in no particular order. */
    List<UUID> of(UUID concertId);
}
