package com.boxoffice.axon.dynamodb.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/** DynamoDB refused an event store operation for a reason retrying will not fix (validation, permissions, schema). */
public class DynamoDbEventStoreException extends EventStoreException {

    public DynamoDbEventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
