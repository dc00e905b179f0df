package com.boxoffice.ticketing.query;

import com.boxoffice.ticketing.api.ConcertView;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the catalogue is kept. Writes are idempotent: a write carrying a sequence number the entry has already seen
 * changes nothing.
 */
public interface ConcertCatalogue {

    /**
     * Adds a newly scheduled concert; nothing happens when the entry exists already (a replayed event).
     *
     * @param concert  the concert as scheduled (available = capacity, status SCHEDULED)
     * @param sequence the sequence number of its {@code ConcertScheduled} event
     */
    void add(ConcertView concert, long sequence);

    /**
     * Applies a change made by the concert's event with this sequence number, unless an event with this or a later
     * sequence number was applied already.
     *
     * @throws IllegalStateException when the concert is not in the catalogue (its scheduling was not projected)
     */
    void apply(UUID concertId, long sequence, CatalogueChange change);

    Optional<ConcertView> find(UUID concertId);

    /**
     * @param from the earliest start, inclusive
     * @param to   the latest start, inclusive; {@code null} for no bound
     * @return the concerts starting in that range, by start time
     */
    List<ConcertView> startingBetween(Instant from, Instant to);

    /** Removes every entry, before a replay rebuilds them. */
    void clear();
}
