package com.boxoffice.axon.dynamodb.tokenstore;

import org.axonframework.common.AxonTransientException;

/**
 * DynamoDB kept throttling, answering 5xx or timing out after the SDK's own retries with backoff, or initialisations
 * kept colliding. Transient: the processor that called the token store aborts its work and retries later with backoff,
 * as it would after losing its database connection with Axon's JDBC token store.
 */
public class TokenStoreUnavailableException extends AxonTransientException {

    public TokenStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
