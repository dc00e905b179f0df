package com.boxoffice.bench;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.function.LongSupplier;

/**
 * One engine under measurement.
 *
 * @param name      shown in the report
 * @param engine    the storage engine
 * @param requests  counts the engine's round trips to its store (DynamoDB requests, JDBC statements; 0 in memory)
 * @param capacity  DynamoDB capacity, or {@code null} for other engines
 * @param closer    releases what the target holds
 * @param conflicts head conflicts the engine retried (0 where there are none)
 * @param rawRead   reads the whole stream index with plain Queries, or {@code null} for other engines
 */
record Target(String name, EventStorageEngine engine, LongSupplier requests, CapacityMeter capacity, AutoCloseable closer,
              LongSupplier conflicts, RawRead rawRead) implements AutoCloseable {

    Target(String name, EventStorageEngine engine, LongSupplier requests, CapacityMeter capacity, AutoCloseable closer) {
        this(name, engine, requests, capacity, closer, () -> 0, null);
    }

    /** Plain DynamoDB Queries over the data the engine's stream reads, for the throughput the store itself gives. */
    interface RawRead {
        /** @return items and events read */
        long[] readAll();
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
