package com.boxoffice.axon.dynamodb.eventstore;

import org.axonframework.common.AxonTransientException;

/**
 * DynamoDB kept throttling, failing with 5xx or timing out after the SDK's retries with backoff, or contention on a log
 * head outlasted the engine's retries. Transient: nothing of the commit was stored (or all of it, when DynamoDB
 * applied a transaction whose answer was lost: its idempotency token makes a retry within 10 minutes safe), and Axon's
 * retry schedulers retry transient exceptions.
 */
public class EventStoreUnavailableException extends AxonTransientException {

    public EventStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
