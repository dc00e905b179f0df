package com.boxoffice.ticketing.domain;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's in-memory engine with what every real engine has and it lacks: an aggregate's sequence number is taken only
 * once (a second event at sequence 0 is {@link AggregateStreamCreationException}, later ones {@link
 * ConcurrencyException}), and a commit with such an event stores nothing. The last sequence of each aggregate is kept
 * in a map: Axon's engine finds it by scanning every stored event, which makes a test of 20,000 orders quadratic.
 */
final class UniqueSequenceEventStorageEngine extends InMemoryEventStorageEngine {

    private final Map<String, Long> lastSequences = new ConcurrentHashMap<>();

    @Override
    public synchronized void appendEvents(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain) {
                long last = lastSequences.getOrDefault(domain.getAggregateIdentifier(), -1L);
                if (domain.getSequenceNumber() <= last) {
                    String taken = "Sequence " + domain.getSequenceNumber() + " of " + domain.getAggregateIdentifier() + " is taken";
                    throw domain.getSequenceNumber() == 0 ? new AggregateStreamCreationException(taken) : new ConcurrencyException(taken);
                }
            }
        }
        super.appendEvents(events);
        // Axon's engine stores in the unit of work's prepare-commit phase when there is one; remember what it stored then.
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> remember(events));
        } else {
            remember(events);
        }
    }

    private void remember(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain) {
                lastSequences.merge(domain.getAggregateIdentifier(), domain.getSequenceNumber(), Math::max);
            }
        }
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return Optional.ofNullable(lastSequences.get(aggregateIdentifier));
    }
}
