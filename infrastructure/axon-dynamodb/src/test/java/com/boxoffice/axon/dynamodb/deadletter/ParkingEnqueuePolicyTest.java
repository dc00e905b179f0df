package com.boxoffice.axon.dynamodb.deadletter;

import com.boxoffice.axon.dynamodb.eventstore.EventStoreUnavailableException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import java.time.Instant;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParkingEnqueuePolicyTest {

    private final ParkingEnqueuePolicy policy = new ParkingEnqueuePolicy("catalogue");
    private final EventMessage<?> event = GenericEventMessage.asEventMessage("e");

    @Test
    void aPermanentFailureIsParkedWithItsCauseAndDiagnostics() {
        IllegalStateException failure = new IllegalStateException("no such concert");
        DeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>("c-1", event, failure);

        EnqueueDecision<EventMessage<?>> decision = policy.decide(letter, failure);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).hasValueSatisfying(cause -> assertThat(cause.getMessage()).isEqualTo("no such concert"));
        assertThat(decision.withDiagnostics(letter).diagnostics())
                .containsEntry(ParkingEnqueuePolicy.PROCESSING_GROUP, "catalogue")
                .containsEntry(ParkingEnqueuePolicy.EXCEPTION, IllegalStateException.class.getName())
                .containsEntry(ParkingEnqueuePolicy.RETRIES, 0L);
    }

    @Test
    void aTransientFailureIsRethrownSoTheProcessorBacksOffAndRetries() {
        for (RuntimeException failure : new RuntimeException[]{
                new EventStoreUnavailableException("throttled", null),
                new IllegalStateException("handler wrapped it", SdkClientException.create("connection reset")),
                ProvisionedThroughputExceededException.builder().message("slow down").statusCode(400).build(),
                DynamoDbException.builder().message("internal").statusCode(500).build(),
                new RuntimeException(new TimeoutException("no answer"))}) {
            assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("c-1", event, failure), failure))
                    .as(failure.toString()).isSameAs(failure);
        }
    }

    @Test
    void aValidationErrorOfTheServiceIsPermanent() {
        RuntimeException failure = DynamoDbException.builder().message("invalid").statusCode(400).build();
        assertThat(TransientFailures.isTransient(failure)).isFalse();
    }

    @Test
    void aParkedLetterFailingTransientlyAgainIsRequeuedAndCountsTheRetry() {
        EventStoreUnavailableException failure = new EventStoreUnavailableException("throttled", null);
        DynamoDbDeadLetter<EventMessage<?>> parked = new DynamoDbDeadLetter<>("c-1", 0, event, null, Instant.now(),
                Instant.now(), MetaData.with(ParkingEnqueuePolicy.RETRIES, 2));

        EnqueueDecision<EventMessage<?>> decision = policy.decide(parked, failure);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.withDiagnostics(parked).diagnostics()).containsEntry(ParkingEnqueuePolicy.RETRIES, 3L);
    }
}
