package com.boxoffice.axon.dynamodb.tokenstore;

import com.boxoffice.axon.dynamodb.support.DynamoDbErrors;
import org.axonframework.common.AxonException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns an SDK failure that outlasted the SDK's retries into the token store's transient or permanent exception, by
 * {@link DynamoDbErrors#isTransient(SdkException) the rule every DynamoDB component here shares}.
 */
final class TokenStoreFailures {

    private TokenStoreFailures() {
    }

    static AxonException translate(String whatFailed, SdkException e) {
        String message = whatFailed + ": " + e.getMessage();
        return DynamoDbErrors.isTransient(e) ? new TokenStoreUnavailableException(message, e)
                : new DynamoDbTokenStoreException(message, e);
    }
}
