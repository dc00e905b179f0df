package com.boxoffice.axon.dynamodb.deadletter;

import org.axonframework.common.AxonNonTransientException;

/**
 * The dead-letter queue failed in a way that retrying does not mend: DynamoDB refused a request as invalid (a missing
 * table, missing permissions), or a letter is too large to store.
 */
public class DynamoDbDeadLetterQueueException extends AxonNonTransientException {

    public DynamoDbDeadLetterQueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
