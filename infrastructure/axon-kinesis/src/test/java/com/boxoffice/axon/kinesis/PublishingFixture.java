package com.boxoffice.axon.kinesis;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The two Axon applications of the Kinesis tests: a producer (in-memory event store, the publisher in its pooled
 * streaming processor) and a consumer (a pooled streaming processor on {@link KinesisMessageSource}).
 */
public final class PublishingFixture {

    static final String AGGREGATE_TYPE = "Concert";
    /** The segments of the producer's publisher. */
    static final int PUBLISHER_SEGMENTS = 2;

    private PublishingFixture() {
    }

    /**
     * The producer application. Its publisher's work packages run on {@code workers}, and {@code rollbacks} counts
     * its units of work that rolled back (a batch Kinesis did not take within the retry duration).
     */
    record Producer(Configuration configuration, ObservedEventStore eventStore, PublishStatus status,
                    HeldWorkers workers, RollbackCounter rollbacks) implements AutoCloseable {

        /**
         * Starts the application so that the publisher takes what the store holds in full batches: its work packages
         * wait until its coordinator has read every event appended so far and queued it for them. (Started plainly,
         * a work package takes whatever its queue holds the moment it runs, on a busy machine one event at a time.)
         */
        void startInFullBatches() {
            TrackingToken head = eventStore.createHeadToken();
            workers.hold();
            try {
                configuration.start();
                await("the publisher's coordinator reads the whole event store").atMost(Duration.ofSeconds(60))
                        .until(() -> eventStore.wasReadUpTo(head));
            } finally {
                workers.release();
            }
        }

        /** Whether each segment of the publisher has published, and committed its token past, every stored event. */
        boolean caughtUp() {
            TrackingToken head = eventStore.createHeadToken();
            Map<Integer, EventTrackerStatus> segments = configuration.eventProcessingConfiguration()
                    .eventProcessor(KinesisPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                    .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
            return head == null || segments.size() == PUBLISHER_SEGMENTS && segments.values().stream()
                    .allMatch(segment -> segment.getTrackingToken() != null && segment.getTrackingToken().covers(head));
        }

        /** Units of work of the publisher that rolled back since the start. */
        int rolledBackBatches() {
            return rollbacks.count();
        }

        @Override
        public void close() {
            workers.release();
            configuration.shutdown();
            workers.shutdownNow();
        }
    }

    static Producer startProducer(KinesisClient client, String stream, OrderingMode ordering, Duration maxRetry) {
        Producer producer = prepareProducer(client, stream, ordering, maxRetry);
        producer.configuration().start();
        return producer;
    }

    /**
     * A producer whose processor is not started yet, so a test can fill the event store first and then start it with
     * {@link Producer#startInFullBatches()}.
     */
    static Producer prepareProducer(KinesisClient client, String stream, OrderingMode ordering, Duration maxRetry) {
        ObservedEventStore eventStore = new ObservedEventStore(EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()));
        HeldWorkers workers = new HeldWorkers();
        RollbackCounter rollbacks = new RollbackCounter();
        PublishStatus status = new PublishStatus();
        KinesisStreamProvisioner provisioner = new KinesisStreamProvisioner(client, stream, true, 2);
        KinesisPublisher publisher = KinesisPublisher.builder()
                .putRecords(OrderedPutRecords.builder().client(client).stream(provisioner).ordering(ordering)
                        .maxRetryDuration(maxRetry).status(status).build())
                .status(status)
                .build();
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureEventStore(c -> eventStore)
                .eventProcessing(processing -> {
                    processing.registerEventHandler(c -> publisher)
                            .registerTokenStore(c -> new InMemoryTokenStore());
                    KinesisPublisherProcessor.configure(processing, 500, PUBLISHER_SEGMENTS);
                    // Axon applies this before the processor's own settings above (batch size, segments), which
                    // leave the worker executor alone.
                    processing.registerPooledStreamingEventProcessorConfiguration(KinesisPublisher.PROCESSING_GROUP,
                                    (c, builder) -> builder.workerExecutor(workers))
                            .registerHandlerInterceptor(KinesisPublisher.PROCESSING_GROUP, c -> rollbacks);
                })
                .buildConfiguration();
        return new Producer(configuration, eventStore, status, workers, rollbacks);
    }

    /** The producer's event store; it remembers how far the streams it opened (the publisher's) were read. */
    static final class ObservedEventStore extends EmbeddedEventStore {

        private final AtomicReference<TrackingToken> furthestRead = new AtomicReference<>();

        ObservedEventStore(EmbeddedEventStore.Builder builder) {
            super(builder);
        }

        /** Whether some stream of this store has handed out the event at {@code position} (true for none). */
        boolean wasReadUpTo(TrackingToken position) {
            TrackingToken furthest = furthestRead.get();
            return position == null || furthest != null && furthest.covers(position);
        }

        @Override
        public TrackingEventStream openStream(TrackingToken trackingToken) {
            TrackingEventStream stream = super.openStream(trackingToken);
            return new TrackingEventStream() {
                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    return stream.peek();
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                    return stream.hasNextAvailable(timeout, unit);
                }

                @Override
                public boolean hasNextAvailable() {
                    return stream.hasNextAvailable();
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    furthestRead.accumulateAndGet(event.trackingToken(),
                            (furthest, read) -> furthest == null ? read : furthest.upperBound(read));
                    return event;
                }

                @Override
                public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
                    stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
                }

                @Override
                public boolean setOnAvailableCallback(Runnable callback) {
                    return stream.setOnAvailableCallback(callback);
                }

                @Override
                public void close() {
                    stream.close();
                }
            };
        }
    }

    /** The publisher's work package threads; while held, they start no task, so the events queue up for them. */
    static final class HeldWorkers extends ScheduledThreadPoolExecutor {

        private volatile CountDownLatch held = new CountDownLatch(0);

        HeldWorkers() {
            // As many threads as Axon's own worker pool, daemons so that a failing test cannot keep the JVM alive.
            super(4, task -> {
                Thread thread = new Thread(task, "publisher-worker");
                thread.setDaemon(true);
                return thread;
            });
        }

        /** Before the processor starts: hold every task until {@link #release()}. */
        void hold() {
            held = new CountDownLatch(1);
        }

        void release() {
            held.countDown();
        }

        @Override
        protected void beforeExecute(Thread thread, Runnable task) {
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.beforeExecute(thread, task);
        }
    }

    /** Counts the units of work of its processor that rolled back. */
    static final class RollbackCounter implements MessageHandlerInterceptor<EventMessage<?>> {

        private final AtomicInteger rolledBack = new AtomicInteger();
        private final String resourceKey = RollbackCounter.class.getName() + "@" + System.identityHashCode(this);

        int count() {
            return rolledBack.get();
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
                throws Exception {
            // Once per unit of work, not once per event of its batch.
            UnitOfWork<?> root = unitOfWork.root();
            root.getOrComputeResource(resourceKey, key -> {
                root.onRollback(rolledBackUnit -> rolledBack.incrementAndGet());
                return Boolean.TRUE;
            });
            return interceptorChain.proceed();
        }
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
        java.util.Set<String> ids = new java.util.HashSet<>();
        return read(client, stream, event -> {
            ids.add(event.getIdentifier());
            return ids.size() >= expected;
        }, timeout);
    }

    /**
     * Everything on the stream from its start, read with the message source until {@code records} records came (the
     * number a test knows the stream holds, duplicates included).
     */
    static List<TrackedEventMessage<?>> readRecords(KinesisClient client, String stream, int records, Duration timeout)
            throws InterruptedException {
        int[] count = new int[1];
        return read(client, stream, event -> ++count[0] >= records, timeout);
    }

    /** Reads from the stream's start until {@code enough} says so of the last record read, or until the timeout. */
    private static List<TrackedEventMessage<?>> read(KinesisClient client, String stream,
                                                     Predicate<TrackedEventMessage<?>> enough, Duration timeout)
            throws InterruptedException {
        KinesisMessageSource source = KinesisMessageSource.builder().client(client).streamName(stream).build();
        List<TrackedEventMessage<?>> read = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (var events = source.openStream(source.createTailToken())) {
            boolean done = false;
            while (!done && System.nanoTime() < deadline) {
                if (events.hasNextAvailable(500, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    TrackedEventMessage<?> event = events.nextAvailable();
                    read.add(event);
                    done = enough.test(event);
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
