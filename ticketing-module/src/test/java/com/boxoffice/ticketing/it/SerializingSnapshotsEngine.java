package com.boxoffice.ticketing.it;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.util.Optional;

/**
 * Axon's in-memory engine keeps a snapshot as the very aggregate object it was made from and hands that object out on
 * every load, so the next command mutates the stored snapshot and the one after double-counts. Real engines store the
 * serialised form. This one hands out a fresh copy made through the application's event serializer, which is also how
 * these tests check that a Concert survives (de)serialisation with the application's Jackson configuration.
 */
final class SerializingSnapshotsEngine extends InMemoryEventStorageEngine {

    private final Serializer serializer;

    SerializingSnapshotsEngine(Serializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return super.readSnapshot(aggregateIdentifier).map(this::copy);
    }

    private DomainEventMessage<?> copy(DomainEventMessage<?> snapshot) {
        Object payload = serializer.deserialize(serializer.serialize(snapshot.getPayload(), byte[].class));
        return new GenericDomainEventMessage<>(snapshot.getType(), snapshot.getAggregateIdentifier(),
                snapshot.getSequenceNumber(), payload, snapshot.getMetaData(), snapshot.getIdentifier(), snapshot.getTimestamp());
    }
}
