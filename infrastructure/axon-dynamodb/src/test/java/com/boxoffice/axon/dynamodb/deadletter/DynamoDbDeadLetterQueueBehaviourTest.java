package com.boxoffice.axon.dynamodb.deadletter;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the DynamoDB queue guarantees beyond Axon's contract: claims across queues, limits, paging, idempotency. */
class DynamoDbDeadLetterQueueBehaviourTest {

    private final String group = "behaviour-" + UUID.randomUUID();

    @Test
    void twoQueuesOnOneTableNeverProcessOneSequenceAtOnceAndEachLetterOnce() throws Exception {
        DynamoDbSequencedDeadLetterQueue<EventMessage<?>> first = DeadLetterTestTables.<EventMessage<?>>queue(group).pageSize(2).build();
        DynamoDbSequencedDeadLetterQueue<EventMessage<?>> second = DeadLetterTestTables.<EventMessage<?>>queue(group).pageSize(2).build();
        int sequences = 8;
        int lettersEach = 4;
        for (int s = 0; s < sequences; s++) {
            for (int l = 0; l < lettersEach; l++) {
                first.enqueue("s" + s, new GenericDeadLetter<>("s" + s, GenericEventMessage.asEventMessage("s" + s + ":" + l)));
            }
        }
        Map<String, Thread> inFlight = new ConcurrentHashMap<>();
        Map<String, List<Integer>> processed = new ConcurrentHashMap<>();
        AtomicReference<String> overlap = new AtomicReference<>();

        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (DynamoDbSequencedDeadLetterQueue<EventMessage<?>> queue : List.of(first, second)) {
                done.add(workers.submit(() -> {
                    Thread me = Thread.currentThread();
                    for (int round = 0; round < 500 && queue.size() > 0; round++) {
                        queue.process(letter -> {
                            String sequence = ((DynamoDbDeadLetter<?>) letter).sequenceIdentifier();
                            Thread other = inFlight.putIfAbsent(sequence, me);
                            if (other != null && other != me) {
                                overlap.set(sequence + " processed by " + other.getName() + " and " + me.getName());
                            }
                            String[] payload = ((String) letter.message().getPayload()).split(":");
                            processed.computeIfAbsent(payload[0], k -> Collections.synchronizedList(new ArrayList<>()))
                                    .add(Integer.parseInt(payload[1]));
                            return Decisions.evict();
                        });
                        inFlight.values().removeIf(thread -> thread == me);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            workers.shutdownNow();
        }

        assertThat(overlap.get()).as("one sequence processed by two queues at once").isNull();
        assertThat(processed).hasSize(sequences);
        processed.forEach((sequence, letters) -> assertThat(letters).as(sequence).containsExactly(0, 1, 2, 3));
        assertThat(first.size()).isZero();
        assertThat(first.amountOfSequences()).isZero();
    }

    @Test
    void aHugeCauseIsCutAndHugeDiagnosticsAreReplacedByANote() {
        DynamoDbSequencedDeadLetterQueue<EventMessage<?>> queue = DeadLetterTestTables.<EventMessage<?>>queue(group).build();
        String hugeMessage = "x".repeat(300_000);
        queue.enqueue("big", new GenericDeadLetter<>("big", GenericEventMessage.asEventMessage("payload"),
                new IllegalStateException(hugeMessage)).withDiagnostics(MetaData.with("dump", "y".repeat(250_000))));

        DeadLetter<? extends EventMessage<?>> stored = queue.deadLetterSequence("big").iterator().next();
        assertThat(stored.cause()).hasValueSatisfying(cause -> {
            assertThat(cause.type()).isEqualTo(IllegalStateException.class.getName());
            assertThat(cause.message()).hasSize(LetterCodec.MAX_CAUSE_MESSAGE).isEqualTo(hugeMessage.substring(0, LetterCodec.MAX_CAUSE_MESSAGE));
        });
        assertThat(stored.diagnostics()).containsKey(LetterCodec.DROPPED_DIAGNOSTICS).doesNotContainKey("dump");
        assertThat(stored.message().getPayload()).isEqualTo("payload");
    }

    @Test
    void aMessageTooLargeForAnItemIsRefusedAndLeavesTheQueueUnchanged() {
        DynamoDbSequencedDeadLetterQueue<EventMessage<?>> queue = DeadLetterTestTables.<EventMessage<?>>queue(group).build();
        assertThatThrownBy(() -> queue.enqueue("too-big", new GenericDeadLetter<>("too-big",
                GenericEventMessage.asEventMessage("z".repeat(420_000)), new IllegalStateException("no"))))
                .isInstanceOf(DynamoDbDeadLetterQueueException.class).hasMessageContaining("too-big");
        assertThat(queue.contains("too-big")).isFalse();
        assertThat(queue.counts()).isEqualTo(new DeadLetterCounts(0, 0));
    }

    @Test
    void trackedDomainEventsComeBackWithTokenAggregateAndMetadata() {
        DynamoDbSequencedDeadLetterQueue<EventMessage<?>> queue = DeadLetterTestTables.<EventMessage<?>>queue(group).build();
        GenericTrackedDomainEventMessage<String> event = new GenericTrackedDomainEventMessage<>(
                new GlobalSequenceTrackingToken(7),
                new GenericDomainEventMessage<>("Concert", "c-1", 3, "scheduled", MetaData.with("requestId", "r-1")));
        queue.enqueue("c-1", new GenericDeadLetter<>("c-1", event, new IllegalStateException("boom")));

        EventMessage<?> stored = queue.deadLetterSequence("c-1").iterator().next().message();
        assertThat(stored).isInstanceOf(TrackedEventMessage.class).isInstanceOf(DomainEventMessage.class);
        assertThat(((TrackedEventMessage<?>) stored).trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(7));
        DomainEventMessage<?> domain = (DomainEventMessage<?>) stored;
        assertThat(domain.getType()).isEqualTo("Concert");
        assertThat(domain.getAggregateIdentifier()).isEqualTo("c-1");
        assertThat(domain.getSequenceNumber()).isEqualTo(3);
        assertThat(domain.getIdentifier()).isEqualTo(event.getIdentifier());
        assertThat(domain.getTimestamp()).isEqualTo(event.getTimestamp());
        assertThat(domain.getPayload()).isEqualTo("scheduled");
        assertThat(domain.getMetaData()).isEqualTo(event.getMetaData());
    }

    @Test
    void sequencesAndLettersArePagedThroughInFull() {
        DynamoDbSequencedDeadLetterQueue<EventMessage<?>> queue = DeadLetterTestTables.<EventMessage<?>>queue(group).pageSize(3).build();
        for (int s = 0; s < 10; s++) {
            queue.enqueue("single-" + s, new GenericDeadLetter<>("x", GenericEventMessage.asEventMessage("single-" + s)));
        }
        for (int l = 0; l < 7; l++) {
            queue.enqueue("long", new GenericDeadLetter<>("x", GenericEventMessage.asEventMessage("long-" + l)));
        }

        assertThat(queue.counts()).isEqualTo(new DeadLetterCounts(17, 11));
        List<Iterable<DeadLetter<? extends EventMessage<?>>>> all = new ArrayList<>();
        queue.deadLetters().forEach(all::add);
        assertThat(all).hasSize(11);
        assertThat(StreamSupport.stream(queue.deadLetterSequence("long").spliterator(), false)
                .map(letter -> (Object) letter.message().getPayload()))
                .containsExactly("long-0", "long-1", "long-2", "long-3", "long-4", "long-5", "long-6");

        int processedSequences = 0;
        while (queue.process(letter -> Decisions.evict())) {
            processedSequences++;
        }
        assertThat(processedSequences).isEqualTo(11);
        assertThat(queue.counts()).isEqualTo(new DeadLetterCounts(0, 0));
    }

    @Test
    void enqueuingTheSameMessageAgainChangesNothing() {
        DynamoDbSequencedDeadLetterQueue<EventMessage<?>> queue = DeadLetterTestTables.<EventMessage<?>>queue(group).build();
        EventMessage<String> first = GenericEventMessage.asEventMessage("first");
        EventMessage<String> second = GenericEventMessage.asEventMessage("second");
        queue.enqueue("a", new GenericDeadLetter<>("a", first, new IllegalStateException("no")));
        queue.enqueueIfPresent("a", () -> new GenericDeadLetter<>("a", second));
        // A processor retrying its batch delivers both again.
        queue.enqueue("a", new GenericDeadLetter<>("a", first, new IllegalStateException("no")));
        queue.enqueueIfPresent("a", () -> new GenericDeadLetter<>("a", second));

        assertThat(queue.sequenceSize("a")).isEqualTo(2);
        assertThat(queue.counts()).isEqualTo(new DeadLetterCounts(2, 1));
    }

    @Test
    void theSequenceFilterProcessesJustThatSequence() {
        DynamoDbSequencedDeadLetterQueue<EventMessage<?>> queue = DeadLetterTestTables.<EventMessage<?>>queue(group).build();
        queue.enqueue("a", new GenericDeadLetter<>("a", GenericEventMessage.asEventMessage("a-0"), new IllegalStateException("no")));
        queue.enqueue("b", new GenericDeadLetter<>("b", GenericEventMessage.asEventMessage("b-0"), new IllegalStateException("no")));
        queue.enqueue("b", new GenericDeadLetter<>("b", GenericEventMessage.asEventMessage("b-1")));
        List<Object> seen = new ArrayList<>();

        boolean processed = queue.process(DynamoDbSequencedDeadLetterQueue.sequence("b"), letter -> {
            seen.add(letter.message().getPayload());
            return Decisions.evict();
        });

        assertThat(processed).isTrue();
        assertThat(seen).containsExactly("b-0", "b-1");
        assertThat(queue.contains("b")).isFalse();
        assertThat(queue.contains("a")).isTrue();
        assertThat(queue.process(DynamoDbSequencedDeadLetterQueue.sequence("none"), letter -> Decisions.evict())).isFalse();
    }

    @Test
    void aFailingTaskGivesItsClaimBackAndLeavesTheLetterParked() {
        DynamoDbSequencedDeadLetterQueue<EventMessage<?>> queue = DeadLetterTestTables.<EventMessage<?>>queue(group).build();
        DynamoDbSequencedDeadLetterQueue<EventMessage<?>> other = DeadLetterTestTables.<EventMessage<?>>queue(group).build();
        queue.enqueue("a", new GenericDeadLetter<>("a", GenericEventMessage.asEventMessage("a-0"), new IllegalStateException("no")));

        assertThatThrownBy(() -> queue.process(letter -> {
            throw new IllegalStateException("throttled");
        })).hasMessage("throttled");

        assertThat(queue.sequenceSize("a")).isEqualTo(1);
        assertThat(other.process(letter -> Decisions.evict())).as("claimable by another queue at once").isTrue();
        assertThat(queue.contains("a")).isFalse();
    }

    @Test
    void aRequeuedLetterGoesBehindTheOtherSequences() {
        DynamoDbSequencedDeadLetterQueue<EventMessage<?>> queue = DeadLetterTestTables.<EventMessage<?>>queue(group).build();
        queue.enqueue("a", new GenericDeadLetter<>("a", GenericEventMessage.asEventMessage("a-0"), new IllegalStateException("no")));
        queue.enqueue("b", new GenericDeadLetter<>("b", GenericEventMessage.asEventMessage("b-0"), new IllegalStateException("no")));
        List<Object> order = new ArrayList<>();

        queue.process(letter -> {
            order.add(letter.message().getPayload());
            return Decisions.requeue(new IllegalStateException("still failing"));
        });
        queue.process(letter -> {
            order.add(letter.message().getPayload());
            return Decisions.evict();
        });

        assertThat(order).containsExactly("a-0", "b-0");
        assertThat(queue.deadLetterSequence("a").iterator().next().cause())
                .hasValueSatisfying(cause -> assertThat(cause.message()).isEqualTo("still failing"));
    }
}
