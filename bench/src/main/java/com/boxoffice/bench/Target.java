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
 */
record Target(String name, EventStorageEngine engine, LongSupplier requests, CapacityMeter capacity, AutoCloseable closer)
        implements AutoCloseable {

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
