package com.boxoffice.axon.dynamodb.support;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

import java.util.Set;

/**
 * Which DynamoDB failures are transient, once the SDK's own retries are spent: one rule for the event store, the
 * token store and whatever else calls DynamoDB, so that they all report the same failure the same way (Axon retries
 * its transient exceptions, a permanent one needs someone to act).
 */
public final class DynamoDbErrors {

    /**
     * Cancellation reasons of {@code TransactWriteItems} that do not stop the same transaction sent again: the item
     * took no part in the cancellation, met another transaction, or was throttled.
     */
    private static final Set<String> RETRYABLE_CANCELLATION_REASONS = Set.of("None", "TransactionConflict",
            "ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded");

    private DynamoDbErrors() {
    }

    /**
     * Whether the same request may succeed when sent again later. Transient:
     * <ul>
     * <li>no answer came: {@link SdkClientException}s (connection refused or reset, other I/O, the SDK's API call and
     * attempt timeouts), and any other failure of the SDK that is not the service's answer;</li>
     * <li>DynamoDB throttled the call: HTTP 429, {@code ProvisionedThroughputExceeded}, {@code RequestLimitExceeded},
     * {@code ThrottlingException}, {@code TransactionInProgressException} (the SDK's throttling codes);</li>
     * <li>DynamoDB failed: HTTP 5xx, {@code InternalServerError}, {@code ServiceUnavailable};</li>
     * <li>the item is in another transaction that is still running: {@link TransactionConflictException}.</li>
     * </ul>
     * Every other answer of the service is a refusal that a retry would meet again: validation, a missing table, access
     * denied, a failed condition, and a cancelled transaction (whose reasons say more, see
     * {@link #isRetryableCancellationReason(String)}).
     */
    public static boolean isTransient(SdkException e) {
        if (!(e instanceof SdkServiceException service)) {
            return true;
        }
        // DynamoDB's exception types as well as the codes, so that a DynamoDB look-alike mapping them to other status
        // codes is classified the same way.
        return service.isThrottlingException() || service.statusCode() >= 500
                || e instanceof ProvisionedThroughputExceededException || e instanceof RequestLimitExceededException
                || e instanceof InternalServerErrorException || e instanceof TransactionConflictException;
    }

    /**
     * Whether one cancellation reason code of a cancelled {@code TransactWriteItems} allows sending the transaction
     * again: its item took no part in the cancellation ({@code None}, or no code at all), or met a passing condition
     * ({@code TransactionConflict}, {@code ThrottlingError}, {@code ProvisionedThroughputExceeded},
     * {@code RequestLimitExceeded}). {@code ConditionalCheckFailed}, {@code ValidationError} and the like repeat; what
     * a failed condition means is the caller's to judge.
     */
    public static boolean isRetryableCancellationReason(String code) {
        return code == null || RETRYABLE_CANCELLATION_REASONS.contains(code);
    }
}
