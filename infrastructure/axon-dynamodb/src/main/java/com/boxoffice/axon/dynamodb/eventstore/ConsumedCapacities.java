package com.boxoffice.axon.dynamodb.eventstore;

import com.boxoffice.axon.dynamodb.eventstore.EventStoreObserver.CapacityOperation;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

import java.util.List;

/**
 * Passes the capacity DynamoDB reports on the engine's requests (all of them ask for {@code ReturnConsumedCapacity
 * TOTAL}) to the observer. A response without it (a DynamoDB that does not report it) reports nothing.
 */
final class ConsumedCapacities {

    private final EventStoreObserver observer;

    ConsumedCapacities(EventStoreObserver observer) {
        this.observer = observer;
    }

    void read(ConsumedCapacity consumed) {
        report(consumed, CapacityOperation.READ);
    }

    void read(List<ConsumedCapacity> consumed) {
        consumed.forEach(c -> report(c, CapacityOperation.READ));
    }

    void written(ConsumedCapacity consumed) {
        report(consumed, CapacityOperation.WRITE);
    }

    void written(List<ConsumedCapacity> consumed) {
        consumed.forEach(c -> report(c, CapacityOperation.WRITE));
    }

    private void report(ConsumedCapacity consumed, CapacityOperation operation) {
        if (consumed != null && consumed.tableName() != null && consumed.capacityUnits() != null) {
            observer.onConsumedCapacity(consumed.tableName(), operation, consumed.capacityUnits());
        }
    }
}
