package com.boxoffice.axon.dynamodb.tokenstore;

import com.boxoffice.axon.dynamodb.schema.TableCreator;
import com.boxoffice.axon.dynamodb.serialization.TrackingTokenTyping;
import com.boxoffice.testing.LocalDynamoDb;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Axon configurations, as two JVMs would be (own DynamoDB clients and token stores with distinct owners, one token
 * table), run the same pooled streaming processor over one shared event storage: they split its segments, and when one
 * stops, or dies without releasing anything, the other takes its segments over from the tokens it left. Every event
 * is handled exactly once overall, by the instance that owned its segment.
 */
class ProcessorsAcrossInstancesTest {

    private static final Logger logger = LoggerFactory.getLogger(ProcessorsAcrossInstancesTest.class);
    private static final String PROCESSOR = "projection";
    private static final int SEGMENTS = 4;
    // Short by default to keep the test quick; -Dtokens.claimTimeoutMs=15000 -Dtokens.claimIntervalMs=5000
    // -Dtokens.claimExtensionMs=5000 measures the take-over with the production defaults (store's and Axon's).
    private static final Duration CLAIM_TIMEOUT = Duration.ofMillis(Long.getLong("tokens.claimTimeoutMs", 5000));
    /**
     * For the stopped instance: far longer than {@link #PATIENCE}, so a take-over within it can only come from the
     * released claims, never from claims that expired, however slowly the machine runs.
     */
    private static final Duration NEVER_EXPIRING = Duration.ofMinutes(30);
    private static final long TOKEN_CLAIM_INTERVAL_MS = Long.getLong("tokens.claimIntervalMs", 500);
    private static final long CLAIM_EXTENSION_MS = Long.getLong("tokens.claimExtensionMs", 200);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Serializer serializer = Jackson3Serializer.builder().jsonMapperBuilderCustomizer(TrackingTokenTyping.customizer()).build();
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final List<Instance> instances = new ArrayList<>();
    /** Event id to the owners that handled it. */
    private final Map<String, List<String>> handledBy = new ConcurrentHashMap<>();
    /** Event id to the segment (of {@value SEGMENTS}) its aggregate falls in. */
    private final Map<String, Integer> segmentOf = new ConcurrentHashMap<>();
    private String tokenTable;

    @BeforeEach
    void freshTable() {
        tokenTable = LocalDynamoDb.uniquePrefix() + "tokens";
        try (DynamoDbClient client = LocalDynamoDb.newClient()) {
            new TableCreator(client).createMissing(List.of(DynamoDbTokenStore.tableSpec(tokenTable)));
        }
    }

    @AfterEach
    void stopAll() {
        instances.forEach(instance -> instance.tokens.bury());
        instances.forEach(Instance::stop);
    }

    @Test
    void aStoppedInstancesSegmentsContinueFromItsTokensOnTheOther() throws Exception {
        Instance a = start("instance-a", 2, NEVER_EXPIRING);
        await().atMost(PATIENCE).until(() -> a.claimed().size() == 2);
        Instance b = start("instance-b", SEGMENTS, NEVER_EXPIRING);
        assertSplitBetween(a, b);

        List<String> before = publish(40);
        awaitHandled(before);
        assertHandledOnlyByOwners(before, a, b);

        Set<Integer> segmentsOfA = a.claimed();
        CompletableFuture<List<String>> during = CompletableFuture.supplyAsync(() -> publish(40));
        long stoppedAt = System.currentTimeMillis();
        a.stop();
        // Released claims need no timeout: with claims that never expire in this test, b gets a's segments only
        // because a released them.
        await("b takes over the segments a released").atMost(PATIENCE).until(() -> b.claimed().size() == SEGMENTS);
        long takeOverMs = segmentsOfA.stream().mapToLong(s -> b.tokens.firstClaim(s).answeredAt()).max().orElseThrow() - stoppedAt;
        logger.info("Released segments {} of a stopped instance taken over after {} ms", segmentsOfA, takeOverMs);

        List<String> after = publish(40);
        List<String> all = concat(before, during.get(30, TimeUnit.SECONDS), after);
        awaitHandled(all);
        assertEachHandledOnce(all);
        assertThat(after).allSatisfy(id -> assertThat(handledBy.get(id)).containsExactly("instance-b"));
        for (int segment : segmentsOfA) {
            assertThat(b.tokens.firstClaim(segment).token()).as("b starts segment %s from a's last token", segment)
                    .isEqualTo(a.tokens.lastStored(segment)).isNotNull();
        }
    }

    @Test
    void aDeadInstancesSegmentsAreTakenOverAfterTheClaimTimeout() throws Exception {
        Instance a = start("instance-a", 2);
        await().atMost(PATIENCE).until(() -> a.claimed().size() == 2);
        Instance b = start("instance-b", SEGMENTS);
        assertSplitBetween(a, b);

        List<String> before = publish(40);
        awaitHandled(before);
        assertHandledOnlyByOwners(before, a, b);
        // Die at a batch boundary: a JVM that dies between handling a batch and storing its token has that batch
        // handled again by its successor (Axon's at-least-once), which is not what this test is about.
        Set<Integer> segmentsOfA = a.claimed();
        TrackingToken head = storage.createHeadToken();
        await().atMost(PATIENCE).until(() -> segmentsOfA.stream()
                .allMatch(s -> a.tokens.lastStored(s) != null && a.tokens.lastStored(s).covers(head)));

        a.tokens.freeze();
        long diedAt = System.currentTimeMillis();
        List<String> during = publish(40);
        await().atMost(PATIENCE).until(() -> b.claimed().size() == SEGMENTS);
        List<String> after = publish(40);

        long takenOverAt = segmentsOfA.stream().mapToLong(s -> b.tokens.firstClaim(s).answeredAt()).max().orElseThrow();
        logger.info("Segments {} of a dead instance taken over after {} ms (claim timeout {} ms, claim interval {} ms)",
                segmentsOfA, takenOverAt - diedAt, CLAIM_TIMEOUT.toMillis(), TOKEN_CLAIM_INTERVAL_MS);
        for (int segment : segmentsOfA) {
            // b's store compares a's claim time with its own clock read during b's call (after b asked, before b
            // got the answer), and a's claim time was read after a asked: what the store guarantees is that b's
            // claim was answered at least a claim timeout after a's last claim write was asked.
            assertThat(b.tokens.firstClaim(segment).answeredAt() - a.tokens.lastClaimWriteAsked(segment))
                    .as("segment %s is not taken while a's claim holds", segment)
                    .isGreaterThanOrEqualTo(CLAIM_TIMEOUT.toMillis());
            assertThat(b.tokens.firstClaim(segment).token()).as("b starts segment %s from a's last token", segment)
                    .isEqualTo(a.tokens.lastStored(segment));
        }

        List<String> all = concat(before, during, after);
        awaitHandled(all);
        assertEachHandledOnce(all);
        assertThat(concat(during, after)).allSatisfy(id -> assertThat(handledBy.get(id)).containsExactly("instance-b"));
    }

    @Test
    void splittingAndMergingASegmentWhileEventsFlowHandlesEveryEventOnce() throws Exception {
        Instance only = start("only", 2 * SEGMENTS);
        await().atMost(PATIENCE).until(() -> only.claimed().size() == SEGMENTS);
        PooledStreamingEventProcessor processor = only.processor();
        AtomicBoolean merged = new AtomicBoolean();
        CompletableFuture<List<String>> flowing = CompletableFuture.supplyAsync(() -> {
            // A steady trickle until the merge is done, so that both happen while events arrive.
            List<String> ids = new ArrayList<>();
            while ((!merged.get() || ids.size() < 100) && ids.size() < 5_000) {
                ids.addAll(publish(1));
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            return ids;
        });
        assertThat(processor.splitSegment(0).get(30, TimeUnit.SECONDS)).as("split").isTrue();
        await().atMost(PATIENCE).until(() -> only.claimed().size() == SEGMENTS + 1);
        assertThat(only.tokens.delegate().fetchSegments(PROCESSOR)).containsExactly(0, 1, 2, 3, 4);
        assertThat(processor.mergeSegment(0).get(30, TimeUnit.SECONDS)).as("merge").isTrue();
        await().atMost(PATIENCE).until(() -> only.claimed().size() == SEGMENTS);
        assertThat(only.tokens.delegate().fetchSegments(PROCESSOR)).containsExactly(0, 1, 2, 3);
        merged.set(true);

        List<String> published = concat(flowing.get(60, TimeUnit.SECONDS), publish(20));
        logger.info("Split and merged segment 0 while {} events arrived", published.size());
        awaitHandled(published);
        assertEachHandledOnce(published);
    }

    /**
     * Axon's pooled processor does not rebalance: the first instance up claims what it may (its maxClaimedSegments),
     * the second what is left.
     */
    private void assertSplitBetween(Instance a, Instance b) {
        await().atMost(PATIENCE).until(() -> b.claimed().size() == SEGMENTS - 2);
        assertThat(a.claimed()).hasSize(2);
        Set<Integer> both = new HashSet<>(a.claimed());
        both.addAll(b.claimed());
        assertThat(both).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    private void assertHandledOnlyByOwners(List<String> events, Instance a, Instance b) {
        for (String id : events) {
            String owner = a.claimed().contains(segmentOf.get(id)) ? a.owner : b.owner;
            assertThat(handledBy.get(id)).as("handlers of %s in segment %s", id, segmentOf.get(id)).containsExactly(owner);
        }
    }

    private void awaitHandled(List<String> events) {
        await().atMost(PATIENCE).until(() -> handledBy.keySet().containsAll(events));
    }

    private void assertEachHandledOnce(List<String> events) {
        assertThat(handledBy.keySet()).as("nothing but the published events").containsExactlyInAnyOrderElementsOf(events);
        assertThat(handledBy).allSatisfy((event, owners) -> assertThat(owners).as("handlers of %s", event).hasSize(1));
    }

    /** Appends events of fresh aggregates one at a time (Axon's in-memory engine can hide a multi-event append from a reader). */
    private List<String> publish(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String aggregateId = UUID.randomUUID().toString();
            EventMessage<?> event = new GenericDomainEventMessage<>("Thing", aggregateId, 0, "event-" + i);
            segmentOf.put(event.getIdentifier(), segmentOf(aggregateId));
            storage.appendEvents(event);
            ids.add(event.getIdentifier());
        }
        return ids;
    }

    /** The segment of {@value SEGMENTS} a processor with Axon's default sequencing (per aggregate) gives the aggregate. */
    private static int segmentOf(String aggregateId) {
        int[] all = IntStream.range(0, SEGMENTS).toArray();
        return IntStream.range(0, SEGMENTS).filter(s -> Segment.computeSegment(s, all).matches(aggregateId)).findFirst().orElseThrow();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    private Instance start(String owner, int maxSegments) {
        return start(owner, maxSegments, CLAIM_TIMEOUT);
    }

    private Instance start(String owner, int maxSegments, Duration claimTimeout) {
        DynamoDbClient client = LocalDynamoDb.newClient();
        RecordingTokenStore tokens = new RecordingTokenStore(DynamoDbTokenStore.builder().client(client).table(tokenTable)
                .serializer(serializer).claimTimeout(claimTimeout).owner(owner).build());
        Recorder recorder = new Recorder(owner, tokens, handledBy);
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> storage)
                .registerComponent(TokenStore.class, c -> tokens)
                .eventProcessing(processing -> processing
                        .registerPooledStreamingEventProcessor(PROCESSOR, Configuration::eventStore,
                                (c, builder) -> builder.initialSegmentCount(SEGMENTS).maxClaimedSegments(maxSegments)
                                        .tokenClaimInterval(TOKEN_CLAIM_INTERVAL_MS).claimExtensionThreshold(CLAIM_EXTENSION_MS).batchSize(10))
                        .registerEventHandler(c -> recorder)
                        .assignHandlerInstancesMatching(PROCESSOR, handler -> handler == recorder))
                .start();
        Instance instance = new Instance(owner, configuration, tokens, client);
        instances.add(instance);
        return instance;
    }

    /** One running application: its Axon configuration, token store and DynamoDB client. */
    private record Instance(String owner, Configuration configuration, RecordingTokenStore tokens, DynamoDbClient client) {

        PooledStreamingEventProcessor processor() {
            return configuration.eventProcessingConfiguration()
                    .eventProcessor(PROCESSOR, PooledStreamingEventProcessor.class).orElseThrow();
        }

        Set<Integer> claimed() {
            return Set.copyOf(processor().processingStatus().keySet());
        }

        void stop() {
            configuration.shutdown();
            client.close();
        }
    }

    /** Records which instance handled which event; a dead instance handles nothing more. */
    public static final class Recorder {
        private final String owner;
        private final RecordingTokenStore tokens;
        private final Map<String, List<String>> handledBy;

        Recorder(String owner, RecordingTokenStore tokens, Map<String, List<String>> handledBy) {
            this.owner = owner;
            this.tokens = tokens;
            this.handledBy = handledBy;
        }

        @EventHandler
        public void on(String payload, EventMessage<?> event) {
            tokens.checkpoint();
            handledBy.computeIfAbsent(event.getIdentifier(), id -> new CopyOnWriteArrayList<>()).add(owner);
        }
    }
}
