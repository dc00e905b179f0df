package com.boxoffice.axon.kinesis;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two Axon applications of the Kinesis tests: a producer (in-memory event store, the publisher in its pooled
 * streaming processor) and a consumer (a pooled streaming processor on {@link KinesisMessageSource}).
 */
public final class PublishingFixture {

    static final String AGGREGATE_TYPE = "Concert";

    private PublishingFixture() {
    }

    record Producer(Configuration configuration, EmbeddedEventStore eventStore, PublishStatus status)
            implements AutoCloseable {

        @Override
        public void close() {
            configuration.shutdown();
        }
    }

    static Producer startProducer(KinesisClient client, String stream, OrderingMode ordering, Duration maxRetry) {
        Producer producer = prepareProducer(client, stream, ordering, maxRetry);
        producer.configuration().start();
        return producer;
    }

    /** A producer whose processor is not started yet, so a test can fill the event store first (full batches). */
    static Producer prepareProducer(KinesisClient client, String stream, OrderingMode ordering, Duration maxRetry) {
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        PublishStatus status = new PublishStatus();
        KinesisStreamProvisioner provisioner = new KinesisStreamProvisioner(client, stream, true, 2);
        KinesisPublisher publisher = new KinesisPublisher(CloudEventsMapper.defaults(),
                new OrderedPutRecords(client, provisioner, ordering, maxRetry, status), status);
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureEventStore(c -> eventStore)
                .eventProcessing(processing -> {
                    processing.registerEventHandler(c -> publisher)
                            .registerTokenStore(c -> new InMemoryTokenStore());
                    KinesisPublisherProcessor.configure(processing, 500, 2);
                })
                .buildConfiguration();
        return new Producer(configuration, eventStore, status);
    }

    /** A consumer application: every event it handles, in order of handling. */
    record Consumer(Configuration configuration, List<EventMessage<?>> received) implements AutoCloseable {

        @Override
        public void close() {
            configuration.shutdown();
        }
    }

    @ProcessingGroup("consumer")
    static final class Collector {
        final List<EventMessage<?>> received = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(EventMessage<?> event) {
            received.add(event);
        }
    }

    static Consumer startConsumer(KinesisClient client, String stream) {
        return startConsumer(client, stream, new InMemoryTokenStore());
    }

    /** A consumer whose tokens live in {@code tokenStore}, so a second one resumes where the first stopped. */
    static Consumer startConsumer(KinesisClient client, String stream, TokenStore tokenStore) {
        KinesisMessageSource source = KinesisMessageSource.builder().client(client).streamName(stream)
                .idlePollInterval(Duration.ofMillis(100)).build();
        Collector collector = new Collector();
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .eventProcessing(processing -> processing
                        .registerEventHandler(c -> collector)
                        .registerTokenStore(c -> tokenStore)
                        // One segment: the collected list is then in stream order across all aggregates.
                        .registerPooledStreamingEventProcessor("consumer", c -> source,
                                (c, builder) -> builder.batchSize(100).initialSegmentCount(1)))
                .buildConfiguration();
        configuration.start();
        return new Consumer(configuration, collector.received);
    }

    /**
     * Appends {@code rounds} events to each of {@code aggregates} aggregates (interleaved, round by round), starting at sequence {@code firstSequence}; returns them by identifier.
     */
    static Map<String, DomainEventMessage<?>> append(EmbeddedEventStore store, String runId, int aggregates,
                                                     int firstSequence, int rounds) {
        Map<String, DomainEventMessage<?>> appended = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (int a = 0; a < aggregates; a++) {
                long sequence = firstSequence + round;
                String aggregateId = runId + "-concert-" + a;
                events.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregateId, sequence,
                        new SeatReserved(aggregateId, (int) sequence, "customer-" + a),
                        MetaData.with("correlationId", "corr-" + aggregateId + "-" + sequence)
                                .and("requestId", "req-" + round)));
            }
            // One append per event: Axon's InMemoryEventStorageEngine puts a multi-event append into its map in
            // hash order, so a processor reading at that moment can see a later index before an earlier one and step
            // over the earlier (seen here as a few missing events per run). The DynamoDB engine has no such window.
            events.forEach(store::publish);
            events.forEach(event -> appended.put(event.getIdentifier(), event));
        }
        return appended;
    }

    /** Everything on the stream from its start, read with the message source until {@code expected} distinct ids came. */
    public static List<TrackedEventMessage<?>> readAll(KinesisClient client, String stream, int expected, Duration timeout)
            throws InterruptedException {
        KinesisMessageSource source = KinesisMessageSource.builder().client(client).streamName(stream).build();
        List<TrackedEventMessage<?>> read = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (var events = source.openStream(source.createTailToken())) {
            while (ids.size() < expected && System.nanoTime() < deadline) {
                if (events.hasNextAvailable(500, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    TrackedEventMessage<?> event = events.nextAvailable();
                    read.add(event);
                    ids.add(event.getIdentifier());
                }
            }
            // Whatever else is already there (late duplicates) counts too.
            while (events.hasNextAvailable(300, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                read.add(events.nextAvailable());
            }
        }
        return read;
    }

    /** Per aggregate, the sequence numbers in the order they were read. */
    static Map<String, List<Long>> sequencesByAggregate(List<? extends EventMessage<?>> events) {
        Map<String, List<Long>> byAggregate = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
            byAggregate.computeIfAbsent(domain.getAggregateIdentifier(), k -> new ArrayList<>())
                    .add(domain.getSequenceNumber());
        }
        return byAggregate;
    }

    /** The sequence numbers in order of first appearance (duplicates dropped). */
    static List<Long> firstOccurrences(List<Long> sequences) {
        return sequences.stream().distinct().toList();
    }

    static List<Long> range(long from, long toExclusive) {
        List<Long> range = new ArrayList<>();
        for (long i = from; i < toExclusive; i++) {
            range.add(i);
        }
        return Collections.unmodifiableList(range);
    }

    /** Every read event equals the appended one with its id: same aggregate, sequence, payload, metadata, time. */
    static void assertFaithful(List<? extends EventMessage<?>> read, Map<String, DomainEventMessage<?>> appended) {
        for (EventMessage<?> event : read) {
            DomainEventMessage<?> original = appended.get(event.getIdentifier());
            assertThat(original).as("read event %s was appended", event.getIdentifier()).isNotNull();
            DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
            assertThat(domain.getAggregateIdentifier()).isEqualTo(original.getAggregateIdentifier());
            assertThat(domain.getSequenceNumber()).isEqualTo(original.getSequenceNumber());
            assertThat(domain.getType()).isEqualTo(original.getType());
            assertThat(domain.getPayload()).isEqualTo(original.getPayload());
            assertThat(domain.getTimestamp()).isEqualTo(original.getTimestamp());
            assertThat(domain.getMetaData()).isEqualTo(original.getMetaData());
        }
    }
}
