package com.boxoffice.axon.kinesis;

import com.boxoffice.testing.KinesisEmulator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.boxoffice.axon.kinesis.KinesisPublishAndConsumeTest.assertDuplicatesAreTheSameEvent;
import static com.boxoffice.axon.kinesis.KinesisPublishAndConsumeTest.distinctIds;
import static com.boxoffice.axon.kinesis.PublishingFixture.assertFaithful;
import static com.boxoffice.axon.kinesis.PublishingFixture.firstOccurrences;
import static com.boxoffice.axon.kinesis.PublishingFixture.range;
import static com.boxoffice.axon.kinesis.PublishingFixture.sequencesByAggregate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PutRecords partial failures (injected with an SDK interceptor) are retried without reordering any aggregate's
 * events.
 * <p>
 * The failures are injected into requests of several records only, so both tests start the publisher on a full
 * event store and hold its work packages until its coordinator has queued every event for them: each segment's first
 * batch is then 250 events of its 10 aggregates (the test aggregates split 10/10), and which of its requests fail is
 * fixed (see {@link InjectedPutRecordsFailures}), whatever the machine's load.
 */
class PartialFailureOrderingTest {

    private static final int AGGREGATES = 20;
    private static final int EVENTS_PER_AGGREGATE = 30;

    @Test
    void strictOrderingKeepsEveryAggregateInOrderWhenKinesisRejectsSomeRecords() throws Exception {
        // Rejected records are really not stored: a later record of the same aggregate must not get in before them.
        InjectedPutRecordsFailures failures = new InjectedPutRecordsFailures(true, 3, 200);
        String stream = KinesisEmulator.uniqueStreamName();
        try (KinesisClient client = clientWith(failures);
             KinesisClient reader = KinesisEmulator.newClient();
             PublishingFixture.Producer producer = PublishingFixture.prepareProducer(client, stream,
                     OrderingMode.STRICT, Duration.ofSeconds(30))) {
            Map<String, DomainEventMessage<?>> appended =
                    PublishingFixture.append(producer.eventStore(), "strict", AGGREGATES, 0, EVENTS_PER_AGGREGATE);
            // Full batches: each request has one record of each of a segment's 10 aggregates pending; every other
            // request of a thread fails at indices 1, 4 and 7, which makes 47 failures in each segment's first batch
            // alone (when Kinesis itself fails nothing).
            producer.startInFullBatches();

            List<TrackedEventMessage<?>> read = PublishingFixture.readAll(reader, stream, appended.size(),
                    Duration.ofSeconds(60));

            assertThat(failures.injected()).isGreaterThan(50);
            assertThat(producer.status().failedAttempts()).isPositive();
            assertThat(distinctIds(read)).isEqualTo(appended.keySet());
            assertFaithful(read, appended);
            // Not only the first occurrences: the whole stream of each aggregate is in order, without duplicates.
            sequencesByAggregate(read).forEach((aggregate, seen) ->
                    assertThat(seen).as("stream of %s", aggregate).isEqualTo(range(0, EVENTS_PER_AGGREGATE)));
        }
    }

    @Test
    void batchedOrderingResendsTheSuffixOfAFailedAggregateInOrder() throws Exception {
        // Kinesis stores the records but answers that they failed: every resend is a duplicate with the same id.
        InjectedPutRecordsFailures failures = new InjectedPutRecordsFailures(false, 7, 200);
        String stream = KinesisEmulator.uniqueStreamName();
        try (KinesisClient client = clientWith(failures);
             KinesisClient reader = KinesisEmulator.newClient();
             PublishingFixture.Producer producer = PublishingFixture.prepareProducer(client, stream,
                     OrderingMode.BATCHED, Duration.ofSeconds(30))) {
            Map<String, DomainEventMessage<?>> appended =
                    PublishingFixture.append(producer.eventStore(), "batched", AGGREGATES, 0, EVENTS_PER_AGGREGATE);
            // Full batches: a segment's first request is its 250 first events, 25 of each aggregate, and fails at
            // every 7th record from the second (36 failures), each failed record followed by more of its aggregate.
            producer.startInFullBatches();
            // Every resend done: each segment's token is past every event. Then the stream holds all it ever will.
            await().atMost(Duration.ofSeconds(90)).until(producer::caughtUp);

            // All of it: the last occurrences below need the whole stream, not just one copy of each event.
            List<TrackedEventMessage<?>> read = PublishingFixture.readRecords(reader, stream, failures.stored(),
                    Duration.ofSeconds(60));

            assertThat(failures.injected()).isGreaterThan(20);
            assertThat(read.size()).isGreaterThan(appended.size());
            assertThat(distinctIds(read)).isEqualTo(appended.keySet());
            assertFaithful(read, appended);
            assertDuplicatesAreTheSameEvent(read);
            sequencesByAggregate(read).forEach((aggregate, seen) -> {
                assertThat(firstOccurrences(seen)).as("first occurrences of %s", aggregate)
                        .isEqualTo(range(0, EVENTS_PER_AGGREGATE));
                assertThat(lastOccurrences(seen)).as("last occurrences of %s", aggregate)
                        .isEqualTo(range(0, EVENTS_PER_AGGREGATE));
            });
        }
    }

    private static KinesisClient clientWith(InjectedPutRecordsFailures failures) {
        return KinesisEmulator.newClient(KinesisEmulator.endpoint(),
                builder -> builder.overrideConfiguration(o -> o.addExecutionInterceptor(failures)));
    }

    private static List<Long> lastOccurrences(List<Long> sequences) {
        List<Long> reversed = new ArrayList<>(sequences);
        java.util.Collections.reverse(reversed);
        List<Long> last = new ArrayList<>(reversed.stream().distinct().toList());
        java.util.Collections.reverse(last);
        return last;
    }
}
