package com.boxoffice.axon.kinesis;

import com.boxoffice.testing.KinesisEmulator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.boxoffice.axon.kinesis.PublishingFixture.assertFaithful;
import static com.boxoffice.axon.kinesis.PublishingFixture.firstOccurrences;
import static com.boxoffice.axon.kinesis.PublishingFixture.range;
import static com.boxoffice.axon.kinesis.PublishingFixture.sequencesByAggregate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Thousands of events of many aggregates go from one Axon application's event store through the publisher to the
 * emulator's stream, and a second Axon application's streaming processor on {@link KinesisMessageSource} gets every
 * one, in per-aggregate order, faithfully; then the consumer restarts from its token without re-reading the stream.
 *
 */
class KinesisPublishAndConsumeTest {

    private static final int AGGREGATES = 50;
    private static final int EVENTS_PER_AGGREGATE = 42;

    private final KinesisClient client = KinesisEmulator.newClient();
    private final String stream = KinesisEmulator.uniqueStreamName();

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void everyEventArrivesInPerAggregateOrderAtAConsumerInAnotherAxonApplication() {
        int total = AGGREGATES * EVENTS_PER_AGGREGATE;
        Map<String, DomainEventMessage<?>> appended;
        try (PublishingFixture.Producer producer = PublishingFixture.startProducer(client, stream,
                OrderingMode.STRICT, Duration.ofSeconds(30));
             PublishingFixture.Consumer consumer = PublishingFixture.startConsumer(client, stream)) {
            appended = PublishingFixture.append(producer.eventStore(), "run", AGGREGATES, 0, EVENTS_PER_AGGREGATE);

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(distinctIds(consumer.received())).hasSize(total));
            List<EventMessage<?>> received = List.copyOf(consumer.received());

            assertThat(distinctIds(received)).isEqualTo(appended.keySet());
            assertFaithful(received, appended);
            Map<String, List<Long>> sequences = sequencesByAggregate(received);
            assertThat(sequences).hasSize(AGGREGATES);
            sequences.forEach((aggregate, seen) -> assertThat(firstOccurrences(seen))
                    .as("events of %s in order", aggregate).isEqualTo(range(0, EVENTS_PER_AGGREGATE)));
            assertDuplicatesAreTheSameEvent(received);
            assertThat(received.get(0).getPayload()).isInstanceOf(SeatReserved.class);
            assertThat(producer.status().failingSince()).isEmpty();
        }
    }

    @Test
    void consumerResumesFromItsTokenAfterARestart() {
        try (PublishingFixture.Producer producer = PublishingFixture.startProducer(client, stream,
                OrderingMode.STRICT, Duration.ofSeconds(30))) {
            Map<String, DomainEventMessage<?>> first = PublishingFixture.append(producer.eventStore(), "a", 5, 0, 10);
            var tokenStore = new org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore();
            try (PublishingFixture.Consumer consumer = PublishingFixture.startConsumer(client, stream, tokenStore)) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(distinctIds(consumer.received())).isEqualTo(first.keySet()));
            }
            Map<String, DomainEventMessage<?>> second = PublishingFixture.append(producer.eventStore(), "a", 5, 10, 10);
            try (PublishingFixture.Consumer restarted = PublishingFixture.startConsumer(client, stream, tokenStore)) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(distinctIds(restarted.received())).isEqualTo(second.keySet()));
                sequencesByAggregate(restarted.received()).forEach((aggregate, seen) ->
                        assertThat(firstOccurrences(seen)).isEqualTo(range(10, 20)));
            }
        }
    }

    static Set<String> distinctIds(List<? extends EventMessage<?>> events) {
        return events.stream().map(EventMessage::getIdentifier).collect(Collectors.toSet());
    }

    /** At-least-once: a record may come twice, but then as the same event (aggregate and sequence) with the same id. */
    static void assertDuplicatesAreTheSameEvent(List<? extends EventMessage<?>> events) {
        Map<String, String> idByPosition = new HashMap<>();
        for (EventMessage<?> event : events) {
            DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
            String position = domain.getAggregateIdentifier() + "#" + domain.getSequenceNumber();
            String previous = idByPosition.putIfAbsent(position, event.getIdentifier());
            assertThat(previous == null || previous.equals(event.getIdentifier()))
                    .as("%s read again with id %s, first with %s", position, event.getIdentifier(), previous).isTrue();
        }
    }
}
