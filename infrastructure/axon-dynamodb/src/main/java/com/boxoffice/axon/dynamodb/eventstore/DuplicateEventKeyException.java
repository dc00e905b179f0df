package com.boxoffice.axon.dynamodb.eventstore;

import org.axonframework.eventhandling.EventMessage;

/**
 * The store already holds an event at this (aggregate, sequence), or one commit holds an event identifier twice. The
 * engine's default {@code PersistenceExceptionResolver} recognises it, so Axon turns it into a
 * {@code ConcurrencyException} (or an {@code AggregateStreamCreationException} for sequence 0).
 */
public class DuplicateEventKeyException extends RuntimeException {

    private final transient EventMessage<?> failedEvent;

    public DuplicateEventKeyException(String message, EventMessage<?> failedEvent, Throwable cause) {
        super(message, cause);
        this.failedEvent = failedEvent;
    }

    /** The first event of the commit that could not be stored. */
    public EventMessage<?> failedEvent() {
        return failedEvent;
    }
}
