package com.boxoffice.axon.dynamodb.deadletter;

import org.axonframework.common.AxonTransientException;

/**
 * DynamoDB kept throttling, answering 5xx or timing out after the SDK's retries, or concurrent changes of one sequence
 * kept colliding. Transient: nothing of the failed operation was applied (each is one transaction), and the event
 * processor that called the queue retries its batch with back-off.
 */
public class DeadLetterQueueUnavailableException extends AxonTransientException {

    public DeadLetterQueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
