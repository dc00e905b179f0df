package com.boxoffice.axon.dynamodb.eventstore;

import org.axonframework.eventhandling.EventMessage;

/**
 * An event serialized, its partition known, its position not yet: positions are assigned at the moment of the
 * transaction that moves the partition's head past them, never earlier.
 *
 * @param aggregateType the aggregate's type, {@code null} for an event no aggregate published
 */
record PreparedEvent(EventMessage<?> message, EventItems.Key key, String aggregateType, StoredEvent.Parts parts,
                     int partition, int indexInCommit) {

    PackedEvents.Packed packed() {
        return new PackedEvents.Packed(indexInCommit, parts);
    }

    /** The bytes this event adds to its commit item. */
    long packedBytes() {
        return PackedEvents.sizeOf(packed());
    }

    boolean isDomain() {
        return aggregateType != null;
    }
}
