package com.boxoffice.axon.dynamodb.deadletter;

import com.boxoffice.axon.dynamodb.support.DynamoDbErrors;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.common.AxonTransientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure may go away by itself if the same work is tried again later: Axon's transient exceptions (which
 * this project's DynamoDB event store, token store and dead-letter queue throw for throttling, 5xx and I/O, such as
 * {@code EventStoreUnavailableException}), the AWS SDK's client-side failures (I/O, timeouts) and retryable, throttling
 * or 5xx service errors (DynamoDB's throughput and request limits, transaction conflicts), and timeouts. The whole cause chain is looked at, so a handler's own exception wrapping one
 * of these counts as transient; an {@link AxonNonTransientException} in the chain before any of them settles it as
 * permanent.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof AxonNonTransientException) {
                return false;
            }
            if (t instanceof AxonTransientException || t instanceof TimeoutException) {
                return true;
            }
            // The one DynamoDB classification of this extension (throttling, 5xx, no answer, transaction conflicts).
            if (t instanceof SdkException sdk && DynamoDbErrors.isTransient(sdk)) {
                return true;
            }
        }
        return false;
    }
}
