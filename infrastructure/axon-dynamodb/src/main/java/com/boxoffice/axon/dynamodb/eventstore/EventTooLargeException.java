package com.boxoffice.axon.dynamodb.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/** An event whose stored item would exceed DynamoDB's 400 KB item limit. Raised before anything is written. */
public class EventTooLargeException extends EventStoreException {

    public EventTooLargeException(String aggregateId, long sequence, long itemBytes, long limitBytes) {
        super("Event " + sequence + " of aggregate " + aggregateId + " is " + itemBytes + " bytes stored, over DynamoDB's item limit of "
                + limitBytes + " bytes; nothing of this commit was written");
    }
}
