package com.boxoffice.axon.dynamodb.eventstore;

import java.time.Duration;

/**
 * What the engine tells about its own work: how appends went, how often commits lost a race for a partition head, and
 * the DynamoDB capacity its requests consumed. The engine has no metrics library of its own; an application that wants
 * meters passes an implementation to {@link DynamoDbEventStorageEngine.Builder#observer} (the Spring Boot
 * auto-configuration passes a Micrometer one when Micrometer is there).
 * <p>
 * Called on the threads that append and read, inside their DynamoDB work: implementations must be fast, thread-safe
 * and must not throw.
 */
public interface EventStoreObserver {

    /** Observes nothing: the builder's default. */
    EventStoreObserver NONE = new EventStoreObserver() {
    };

    /** How one {@code appendEvents} ended. */
    enum AppendOutcome {
        /** Every event is stored. */
        SUCCESS,
        /**
         * An (aggregate, sequence) key was taken: Axon's {@code ConcurrencyException}, or at sequence 0 its
         * {@code AggregateStreamCreationException}; nothing is stored.
         */
        CONFLICT,
        /** Anything else: refused before writing (too large), DynamoDB refused or unavailable; nothing is stored. */
        ERROR
    }

    /** Whether capacity was consumed reading or writing. */
    enum CapacityOperation {
        READ, WRITE
    }

    /** One {@code appendEvents} (one unit of work's events) took {@code duration} and ended with {@code outcome}. */
    default void onAppend(Duration duration, AppendOutcome outcome) {
    }

    /**
     * A commit lost the race for a partition head to another writer and is sent again at the new head: contention,
     * invisible to the caller unless it lasts for every attempt.
     */
    default void onHeadConflict() {
    }

    /** A request consumed {@code units} capacity units (read or write units, as DynamoDB reports them) of a table. */
    default void onConsumedCapacity(String table, CapacityOperation operation, double units) {
    }
}
