package com.boxoffice.ticketing.domain;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;

/**
 * Axon's in-memory engine with what every real engine has and it lacks: an aggregate's sequence number is taken only
 * once (a second event at sequence 0 is {@link AggregateStreamCreationException}, later ones {@link
 * ConcurrencyException}), and a commit with such an event stores nothing.
 */
final class UniqueSequenceEventStorageEngine extends InMemoryEventStorageEngine {

    @Override
    public synchronized void appendEvents(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain) {
                long last = lastSequenceNumberFor(domain.getAggregateIdentifier()).orElse(-1L);
                if (domain.getSequenceNumber() <= last) {
                    String taken = "Sequence " + domain.getSequenceNumber() + " of " + domain.getAggregateIdentifier() + " is taken";
                    throw domain.getSequenceNumber() == 0 ? new AggregateStreamCreationException(taken) : new ConcurrencyException(taken);
                }
            }
        }
        super.appendEvents(events);
    }
}
