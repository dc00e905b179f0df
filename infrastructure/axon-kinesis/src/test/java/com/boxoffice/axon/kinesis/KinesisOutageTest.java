package com.boxoffice.axon.kinesis;

import com.boxoffice.localaws.LocalKinesisEmulator;

import com.boxoffice.testing.KinesisEmulator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static com.boxoffice.axon.kinesis.KinesisPublishAndConsumeTest.distinctIds;
import static com.boxoffice.axon.kinesis.PublishingFixture.assertFaithful;
import static com.boxoffice.axon.kinesis.PublishingFixture.firstOccurrences;
import static com.boxoffice.axon.kinesis.PublishingFixture.range;
import static com.boxoffice.axon.kinesis.PublishingFixture.sequencesByAggregate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The emulator is killed while the application keeps appending events, and restarted on the same port.
 * <p>
 * kinesis-local keeps its streams in memory (its own persistence did not keep records written through the Java
 * SDK here), so the restarted emulator is an empty Kinesis: the records accepted before the kill are gone with it,
 * which real Kinesis would never do. What the test can and does show is the publisher's side of "nothing is lost":
 * appends never wait for Kinesis, the outage is visible (failing status, lag), the publisher rolls back and retries
 * from its token, re-creates the stream, and every event not read before the kill is on the new stream, each
 * aggregate in order. The union of what a reader saw before the kill and what is on the new stream is every event.
 *
 */
class KinesisOutageTest {

    private static final int AGGREGATES = 10;

    @Test
    void eventsAppendedWhileKinesisIsDownArePublishedWhenItIsBack() throws Exception {
        String stream = KinesisEmulator.uniqueStreamName();
        // The threads that call Kinesis through the publisher's client.
        Set<Thread> callers = ConcurrentHashMap.newKeySet();
        ExecutionInterceptor recordCaller = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
                callers.add(Thread.currentThread());
            }
        };
        try (LocalKinesisEmulator emulator = KinesisEmulator.startPrivate(null);
             KinesisClient client = KinesisEmulator.newClient(emulator.endpoint(), b -> b
                     .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(5)).addExecutionInterceptor(recordCaller)));
             KinesisClient reader = KinesisEmulator.newClient(emulator.endpoint(), b -> {
             });
             // Retries inside the unit of work give up after 2 s: the outage outlasts them, so the processor's own
             // retry from its stored token is exercised as well.
             PublishingFixture.Producer producer = PublishingFixture.startProducer(client, stream,
                     OrderingMode.STRICT, Duration.ofSeconds(2))) {
            PublishLag lag = lagOf(producer);
            Map<String, DomainEventMessage<?>> before = PublishingFixture.append(producer.eventStore(), "o", AGGREGATES, 0, 10);
            List<TrackedEventMessage<?>> readBeforeKill = PublishingFixture.readAll(reader, stream, before.size(),
                    Duration.ofSeconds(60));
            assertThat(distinctIds(readBeforeKill)).isEqualTo(before.keySet());
            await().atMost(Duration.ofSeconds(30)).until(() -> lag.eventsBehind().equals(OptionalLong.of(0)));

            emulator.stop();
            int rolledBackBeforeTheOutage = producer.rolledBackBatches();
            // These appends return while Kinesis is down (it is restarted only afterwards): they do not wait for it.
            Map<String, DomainEventMessage<?>> during = PublishingFixture.append(producer.eventStore(), "o", AGGREGATES, 10, 20);
            assertThat(callers).as("appends do not call Kinesis: only the publisher's threads do").isNotEmpty()
                    .doesNotContain(Thread.currentThread());
            await().atMost(Duration.ofSeconds(30)).until(() -> producer.status().unreachableSince().isPresent());
            // Eventually, not at once: a segment whose batch just rolled back has no position until it is claimed again.
            await().atMost(Duration.ofSeconds(30)).until(() -> lag.eventsBehind().orElse(0) > 0);
            // Let the outage outlast the publisher's in-unit-of-work retries: a batch gave up and rolled back, so the
            // processor's own retry from its stored token is what publishes it after the restart (set-up, not an
            // assertion).
            await().atMost(Duration.ofSeconds(60)).until(() -> producer.rolledBackBatches() > rolledBackBeforeTheOutage);

            emulator.restart();
            List<TrackedEventMessage<?>> afterRestart = PublishingFixture.readAll(reader, stream, during.size(),
                    Duration.ofSeconds(90));

            Set<String> seen = new HashSet<>(distinctIds(readBeforeKill));
            seen.addAll(distinctIds(afterRestart));
            Map<String, DomainEventMessage<?>> all = new LinkedHashMap<>(before);
            all.putAll(during);
            assertThat(seen).as("every event was read before the kill or after the restart").isEqualTo(all.keySet());
            assertThat(distinctIds(afterRestart)).containsAll(during.keySet());
            assertFaithful(afterRestart, all);
            // The new stream starts wherever the publisher's token was; from there each aggregate is in order.
            sequencesByAggregate(afterRestart).forEach((aggregate, sequences) -> {
                List<Long> first = firstOccurrences(sequences);
                assertThat(first).as("stream of %s after the restart", aggregate)
                        .isEqualTo(range(first.get(0), 30)).first().matches(s -> s <= 10);
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(lag.eventsBehind()).isEqualTo(OptionalLong.of(0));
                assertThat(producer.status().failingSince()).isEmpty();
                assertThat(producer.status().unreachableSince()).isEmpty();
            });
        }
    }

    private static PublishLag lagOf(PublishingFixture.Producer producer) {
        return new PublishLag(() -> producer.eventStore().createHeadToken().position(),
                () -> producer.configuration().eventProcessingConfiguration()
                        .eventProcessor(KinesisPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                        .map(p -> p.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min())
                        .orElse(OptionalLong.empty()),
                producer.status());
    }
}
