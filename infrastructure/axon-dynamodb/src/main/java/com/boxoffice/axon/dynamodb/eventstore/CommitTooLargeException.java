package com.boxoffice.axon.dynamodb.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * A unit of work whose events do not fit in one DynamoDB transaction (100 items including one head item per touched
 * partition, 4 MB). Raised before anything is written: a commit is stored whole or not at all.
 */
public class CommitTooLargeException extends EventStoreException {

    public CommitTooLargeException(String message) {
        super(message);
    }
}
