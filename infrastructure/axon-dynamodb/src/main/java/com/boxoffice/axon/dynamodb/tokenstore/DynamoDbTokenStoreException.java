package com.boxoffice.axon.dynamodb.tokenstore;

import org.axonframework.common.AxonNonTransientException;

/** DynamoDB refused a token store request for a reason retrying will not fix (missing table, permissions, validation). */
public class DynamoDbTokenStoreException extends AxonNonTransientException {

    public DynamoDbTokenStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
