package com.boxoffice.axon.dynamodb.support;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoDbErrorsTest {

    @Test
    void noAnswerIsTransient() {
        assertThat(DynamoDbErrors.isTransient(SdkClientException.create("Unable to execute HTTP request",
                new IOException("Connection refused")))).isTrue();
        assertThat(DynamoDbErrors.isTransient(ApiCallTimeoutException.create(1000))).isTrue();
        assertThat(DynamoDbErrors.isTransient(ApiCallAttemptTimeoutException.create(500))).isTrue();
        assertThat(DynamoDbErrors.isTransient(SdkException.create("the SDK gave up", null))).isTrue();
    }

    @Test
    void throttlingFailuresAndTransactionConflictsAreTransient() {
        assertThat(DynamoDbErrors.isTransient(dynamo(400, "ProvisionedThroughputExceededException"))).isTrue();
        assertThat(DynamoDbErrors.isTransient(dynamo(400, "ThrottlingException"))).isTrue();
        assertThat(DynamoDbErrors.isTransient(dynamo(429, "TooManyRequests"))).isTrue();
        assertThat(DynamoDbErrors.isTransient(dynamo(500, "InternalServerError"))).isTrue();
        assertThat(DynamoDbErrors.isTransient(dynamo(503, "ServiceUnavailable"))).isTrue();
        // By type too, whatever status and code a DynamoDB look-alike gives them.
        assertThat(DynamoDbErrors.isTransient(ProvisionedThroughputExceededException.builder().statusCode(400).build())).isTrue();
        assertThat(DynamoDbErrors.isTransient(RequestLimitExceededException.builder().statusCode(400).build())).isTrue();
        assertThat(DynamoDbErrors.isTransient(InternalServerErrorException.builder().statusCode(400).build())).isTrue();
        assertThat(DynamoDbErrors.isTransient(TransactionConflictException.builder().statusCode(400).build())).isTrue();
    }

    @Test
    void refusalsArePermanent() {
        assertThat(DynamoDbErrors.isTransient(dynamo(400, "ValidationException"))).isFalse();
        assertThat(DynamoDbErrors.isTransient(dynamo(400, "AccessDeniedException"))).isFalse();
        assertThat(DynamoDbErrors.isTransient(ResourceNotFoundException.builder().statusCode(400).build())).isFalse();
        assertThat(DynamoDbErrors.isTransient(ConditionalCheckFailedException.builder().statusCode(400).build())).isFalse();
        assertThat(DynamoDbErrors.isTransient(TransactionCanceledException.builder().statusCode(400).build())).isFalse();
    }

    @Test
    void cancellationReasonsThatAllowAnotherTry() {
        assertThat(DynamoDbErrors.isRetryableCancellationReason(null)).isTrue();
        assertThat(DynamoDbErrors.isRetryableCancellationReason("None")).isTrue();
        assertThat(DynamoDbErrors.isRetryableCancellationReason("TransactionConflict")).isTrue();
        assertThat(DynamoDbErrors.isRetryableCancellationReason("ThrottlingError")).isTrue();
        assertThat(DynamoDbErrors.isRetryableCancellationReason("ProvisionedThroughputExceeded")).isTrue();
        assertThat(DynamoDbErrors.isRetryableCancellationReason("RequestLimitExceeded")).isTrue();
        assertThat(DynamoDbErrors.isRetryableCancellationReason("ConditionalCheckFailed")).isFalse();
        assertThat(DynamoDbErrors.isRetryableCancellationReason("ValidationError")).isFalse();
        assertThat(DynamoDbErrors.isRetryableCancellationReason("ItemCollectionSizeLimitExceeded")).isFalse();
    }

    private static DynamoDbException dynamo(int status, String code) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).serviceName("DynamoDb").build())
                .message(code).build();
    }
}
