package com.boxoffice.axon.dynamodb.deadletter;

import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueueTest;
import org.axonframework.messaging.deadletter.WrongDeadLetterTypeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Axon's contract for every sequenced dead-letter queue, unchanged, on DynamoDB Local; plus the builder's checks. As
 * Axon's JDBC queue test does, letters are compared by their messages' identity and contents (a letter read back holds
 * a deserialized copy of its message, not the same object), and by cause, times (to the nanosecond) and diagnostics.
 */
class DynamoDbSequencedDeadLetterQueueTest extends SequencedDeadLetterQueueTest<EventMessage<?>> {

    private static final int MAX_SEQUENCES = 64;
    private static final int MAX_SEQUENCE_SIZE = 64;

    @Override
    protected SequencedDeadLetterQueue<EventMessage<?>> buildTestSubject() {
        return DeadLetterTestTables.<EventMessage<?>>queue("contract-" + UUID.randomUUID())
                .maxSequences(MAX_SEQUENCES)
                .maxSequenceSize(MAX_SEQUENCE_SIZE)
                .build();
    }

    @AfterEach
    void restoreAxonsClock() {
        GenericDeadLetter.clock = Clock.systemUTC();
    }

    @Override
    protected long maxSequences() {
        return MAX_SEQUENCES;
    }

    @Override
    protected long maxSequenceSize() {
        return MAX_SEQUENCE_SIZE;
    }

    @Override
    protected DeadLetter<EventMessage<?>> generateInitialLetter() {
        return new GenericDeadLetter<>("sequenceIdentifier", generateEvent(), generateThrowable());
    }

    @Override
    protected DeadLetter<EventMessage<?>> generateFollowUpLetter() {
        return new GenericDeadLetter<>("sequenceIdentifier", generateEvent());
    }

    /** A letter the queue never handed out: an index and sequence of its own, so it matches nothing stored. */
    @Override
    protected DeadLetter<EventMessage<?>> mapToQueueImplementation(DeadLetter<EventMessage<?>> letter) {
        if (letter instanceof DynamoDbDeadLetter<EventMessage<?>> own) {
            return own;
        }
        Object sequence = letter instanceof GenericDeadLetter<EventMessage<?>> generic
                ? generic.getSequenceIdentifier() : IdentifierFactory.getInstance().generateIdentifier();
        return new DynamoDbDeadLetter<>(sequence.toString(), 0, letter.message(), letter.cause().orElse(null),
                letter.enqueuedAt(), letter.lastTouched(), letter.diagnostics());
    }

    @Override
    protected void setClock(Clock clock) {
        GenericDeadLetter.clock = clock;
    }

    @Override
    protected void assertLetter(DeadLetter<? extends EventMessage<?>> expected, DeadLetter<? extends EventMessage<?>> actual) {
        EventMessage<?> expectedMessage = expected.message();
        EventMessage<?> actualMessage = actual.message();
        assertThat(actualMessage.getIdentifier()).isEqualTo(expectedMessage.getIdentifier());
        assertThat(actualMessage.getPayload()).isEqualTo(expectedMessage.getPayload());
        assertThat(actualMessage.getPayloadType()).isEqualTo(expectedMessage.getPayloadType());
        assertThat(actualMessage.getMetaData()).isEqualTo(expectedMessage.getMetaData());
        assertThat(actualMessage.getTimestamp()).isEqualTo(expectedMessage.getTimestamp());
        assertThat(actual.cause()).isEqualTo(expected.cause());
        assertThat(actual.enqueuedAt()).isEqualTo(expected.enqueuedAt());
        assertThat(actual.lastTouched()).isEqualTo(expected.lastTouched());
        assertThat(actual.diagnostics()).isEqualTo(expected.diagnostics());
    }

    @Test
    void evictAndRequeueRefuseLettersOfAnotherQueueType() {
        SequencedDeadLetterQueue<EventMessage<?>> queue = buildTestSubject();
        DeadLetter<EventMessage<?>> foreign = generateInitialLetter();
        assertThatThrownBy(() -> queue.evict(foreign)).isInstanceOf(WrongDeadLetterTypeException.class);
        assertThatThrownBy(() -> queue.requeue(foreign, l -> l)).isInstanceOf(WrongDeadLetterTypeException.class);
    }

    @Test
    void theBuilderRefusesMissingAndInvalidSettings() {
        assertThatThrownBy(() -> DynamoDbSequencedDeadLetterQueue.builder().build())
                .isInstanceOf(AxonConfigurationException.class).hasMessageContaining("processing group");
        assertThatThrownBy(() -> DeadLetterTestTables.queue("g").tableName(" "))
                .isInstanceOf(AxonConfigurationException.class);
        assertThatThrownBy(() -> DeadLetterTestTables.queue("g").maxSequences(0)).isInstanceOf(AxonConfigurationException.class);
        assertThatThrownBy(() -> DeadLetterTestTables.queue("g").maxSequenceSize(-1)).isInstanceOf(AxonConfigurationException.class);
        assertThatThrownBy(() -> DeadLetterTestTables.queue("g").claimDuration(Duration.ZERO)).isInstanceOf(AxonConfigurationException.class);
        assertThatThrownBy(() -> DeadLetterTestTables.queue("g").pageSize(0)).isInstanceOf(AxonConfigurationException.class);
        assertThatThrownBy(() -> DynamoDbSequencedDeadLetterQueue.builder().processingGroup("g")
                .client(DeadLetterTestTables.CLIENT).tableName("t").eventSerializer(DeadLetterTestTables.SERIALIZER).build())
                .isInstanceOf(AxonConfigurationException.class).hasMessageContaining("generic serializer");

        DynamoDbSequencedDeadLetterQueue<EventMessage<?>> defaults = DeadLetterTestTables.<EventMessage<?>>queue("g").build();
        assertThat(defaults.maxSequences()).isEqualTo(1024);
        assertThat(defaults.maxSequenceSize()).isEqualTo(1024);
        assertThat(defaults.claimDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.processingGroup()).isEqualTo("g");
        assertThat(defaults.table()).isEqualTo(DeadLetterTestTables.TABLE);
    }
}
