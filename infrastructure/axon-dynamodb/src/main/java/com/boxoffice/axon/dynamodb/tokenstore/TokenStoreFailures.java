package com.boxoffice.axon.dynamodb.tokenstore;

import org.axonframework.common.AxonException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns an SDK failure that outlasted the SDK's retries into the token store's transient or permanent exception. */
final class TokenStoreFailures {

    private TokenStoreFailures() {
    }

    static AxonException translate(String whatFailed, SdkException e) {
        String message = whatFailed + ": " + e.getMessage();
        boolean transientFailure = e instanceof SdkClientException
                || e instanceof AwsServiceException service && (service.isThrottlingException() || service.statusCode() >= 500);
        return transientFailure ? new TokenStoreUnavailableException(message, e) : new DynamoDbTokenStoreException(message, e);
    }
}
