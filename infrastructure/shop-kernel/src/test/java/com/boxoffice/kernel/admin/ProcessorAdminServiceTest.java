package com.boxoffice.kernel.admin;

import com.boxoffice.axon.dynamodb.schema.TableCreator;
import com.boxoffice.axon.dynamodb.eventstore.DynamoDbEventStorageEngine;
import com.boxoffice.axon.dynamodb.eventstore.EventTables;
import com.boxoffice.axon.dynamodb.serialization.TrackingTokenTyping;
import com.boxoffice.testing.LocalDynamoDb;
import com.boxoffice.axon.dynamodb.tokenstore.DynamoDbTokenStore;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The admin service on a real Axon configuration with the DynamoDB event store and token store (DynamoDB Local): one
 * or two instances, as two JVMs would be, running a pooled processor of two segments.
 */
class ProcessorAdminServiceTest {

    private static final String PROJECTION = "projection";
    private static final String NO_REPLAYS = "no-replays";
    private static final String SUBSCRIBING = "subscribing";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Serializer serializer = Jackson3Serializer.builder().jsonMapperBuilderCustomizer(TrackingTokenTyping.customizer()).build();
    private final List<Instance> instances = new ArrayList<>();
    /** Payloads handled by the projection, over all instances; emptied by its reset handler. */
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final List<String> resets = new CopyOnWriteArrayList<>();
    private EventTables eventTables;
    private String tokenTable;

    @BeforeEach
    void freshTables() {
        String prefix = LocalDynamoDb.uniquePrefix();
        eventTables = EventTables.withPrefix(prefix);
        tokenTable = prefix + "tokens";
        try (DynamoDbClient client = LocalDynamoDb.newClient()) {
            List<com.boxoffice.axon.dynamodb.schema.TableSpec> specs = new ArrayList<>(eventTables.specs());
            specs.add(DynamoDbTokenStore.tableSpec(tokenTable));
            new TableCreator(client).createMissing(specs);
        }
    }

    @AfterEach
    void stopAll() {
        instances.forEach(Instance::stop);
    }

    @Test
    void listsEverySegmentWithItsOwnerPositionAndLag() {
        Instance a = start("instance-a", 2);
        List<String> published = publish(a, 5);
        await().atMost(PATIENCE).until(() -> handled.containsAll(published));

        await().atMost(PATIENCE).untilAsserted(() -> {
            ProcessorStatus projection = a.admin.status(PROJECTION);
            assertThat(projection.type()).isEqualTo("pooled");
            assertThat(projection.running()).isTrue();
            assertThat(projection.error()).isFalse();
            assertThat(projection.supportsReset()).isTrue();
            assertThat(projection.lag()).isZero();
            assertThat(projection.segments()).extracting(SegmentStatus::segment).containsExactly(0, 1);
            assertThat(projection.segments()).allSatisfy(segment -> {
                assertThat(segment.mask()).isEqualTo(1);
                assertThat(segment.owner()).isEqualTo("instance-a");
                assertThat(segment.claimExpired()).isFalse();
                assertThat(segment.position()).startsWith("partitions [");
                assertThat(segment.lag()).isZero();
                assertThat(segment.caughtUp()).isTrue();
            });
        });
        assertThat(a.admin.list()).extracting(ProcessorStatus::name).containsExactly(NO_REPLAYS, PROJECTION);

        // Stopped, it releases its claims; what is stored meanwhile is its lag.
        a.processor(PROJECTION).shutDown();
        publish(a, 3);
        ProcessorStatus stopped = a.admin.status(PROJECTION);
        assertThat(stopped.running()).isFalse();
        assertThat(stopped.lag()).isEqualTo(3);
        assertThat(stopped.segments()).allSatisfy(segment -> {
            assertThat(segment.owner()).isNull();
            assertThat(segment.lag()).isEqualTo(3);
            assertThat(segment.caughtUp()).isNull();
        });
    }

    @Test
    void resetToTailReplaysEveryEventAndRunsAgain() {
        Instance a = start("instance-a", 2);
        List<String> published = publish(a, 4);
        await().atMost(PATIENCE).until(() -> handled.containsAll(published));

        ProcessorStatus after = a.admin.reset(PROJECTION, new ResetTarget.Tail());

        assertThat(after.running()).isTrue();
        assertThat(resets).containsExactly(PROJECTION);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(handled).containsExactlyInAnyOrderElementsOf(published));
        await().atMost(PATIENCE).untilAsserted(() -> {
            ProcessorStatus replayed = a.admin.status(PROJECTION);
            assertThat(replayed.replaying()).isFalse();
            assertThat(replayed.lag()).isZero();
        });
    }

    @Test
    void resetToATimeReplaysWhatWasStoredSinceThen() throws InterruptedException {
        Instance a = start("instance-a", 2);
        List<String> before = publish(a, 3);
        await().atMost(PATIENCE).until(() -> handled.containsAll(before));
        Thread.sleep(50);
        Instant cut = Instant.now();
        Thread.sleep(50);
        List<String> since = publish(a, 2);
        await().atMost(PATIENCE).until(() -> handled.containsAll(since));

        a.admin.reset(PROJECTION, new ResetTarget.At(cut));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(handled).containsExactlyInAnyOrderElementsOf(since));
        assertThat(a.processor(PROJECTION).isRunning()).isTrue();
    }

    @Test
    void resetToHeadSkipsWhatIsStored() {
        Instance a = start("instance-a", 2);
        List<String> published = publish(a, 3);
        await().atMost(PATIENCE).until(() -> handled.containsAll(published));

        ProcessorStatus after = a.admin.reset(PROJECTION, new ResetTarget.Head());

        assertThat(after.running()).isTrue();
        // Axon marks a token that is not strictly behind the new start as replaying until the next event: nothing to redo.
        assertThat(after.lag()).isZero();
        assertThat(after.segments()).allSatisfy(segment -> assertThat(segment.lag()).isZero());
        List<String> later = publish(a, 1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(handled).containsExactlyElementsOf(later));
    }

    @Test
    void resetIsRefusedWhileAnotherInstanceHoldsSegmentsAndNothingIsChanged() {
        Instance a = start("instance-a", 1);
        Instance b = start("instance-b", 1);
        List<String> published = publish(a, 6);
        await().atMost(PATIENCE).until(() -> handled.containsAll(published));
        // A fresh processor starts on a replay token (Axon's default initial token); a segment the events did not go
        // to leaves it only when its work package next stores its token. Wait for that too, so a replaying segment
        // afterwards could only come from the refused reset.
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<SegmentStatus> segments = a.admin.status(PROJECTION).segments();
            assertThat(segments).extracting(SegmentStatus::owner).containsExactlyInAnyOrder("instance-a", "instance-b");
            assertThat(segments).noneMatch(SegmentStatus::replaying);
        });

        assertThatThrownBy(() -> a.admin.reset(PROJECTION, new ResetTarget.Tail()))
                .isInstanceOf(ResetRefusedException.class)
                .hasMessageContaining("instance-b")
                .hasMessageContaining("stop the processor on the other instances")
                .hasMessageContaining("Nothing was reset");

        assertThat(resets).isEmpty();
        assertThat(a.processor(PROJECTION).isRunning()).isTrue();
        assertThat(a.admin.status(PROJECTION).segments()).noneMatch(SegmentStatus::replaying);
        assertThat(handled).hasSize(published.size());

        // Once the other instance stopped the processor (and released its claim), the reset goes through.
        b.processor(PROJECTION).shutDown();
        ProcessorStatus after = a.admin.reset(PROJECTION, new ResetTarget.Tail());
        assertThat(after.running()).isTrue();
        assertThat(resets).containsExactly(PROJECTION);
        assertThat(after.segments()).hasSize(2).allMatch(SegmentStatus::replaying);
    }

    @Test
    void processorsWhoseHandlersDisallowReplayAreNotReset() {
        Instance a = start("instance-a", 2);

        assertThatThrownBy(() -> a.admin.reset(NO_REPLAYS, new ResetTarget.Tail()))
                .isInstanceOf(ResetRefusedException.class).hasMessageContaining("@DisallowReplay");
        assertThat(a.admin.status(NO_REPLAYS).supportsReset()).isFalse();
        assertThat(a.processor(NO_REPLAYS).isRunning()).isTrue();
    }

    @Test
    void subscribingProcessorsAreNotListedAndHaveNothingToReset() {
        Instance a = start("instance-a", 2);

        assertThat(a.admin.list()).extracting(ProcessorStatus::name).doesNotContain(SUBSCRIBING);
        assertThatThrownBy(() -> a.admin.reset(SUBSCRIBING, new ResetTarget.Tail()))
                .isInstanceOf(ResetRefusedException.class).hasMessageContaining("keeps no tokens");
    }

    @Test
    void unknownProcessorsAreNamedAsSuch() {
        Instance a = start("instance-a", 2);

        assertThatThrownBy(() -> a.admin.reset("nope", new ResetTarget.Tail())).isInstanceOf(UnknownProcessorException.class)
                .hasMessageContaining("'nope'");
        assertThatThrownBy(() -> a.admin.status("nope")).isInstanceOf(UnknownProcessorException.class);
    }

    private List<String> publish(Instance instance, int count) {
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String payload = "event-" + UUID.randomUUID();
            instance.configuration.eventStore().publish(new GenericDomainEventMessage<>("Thing", UUID.randomUUID().toString(), 0, payload));
            payloads.add(payload);
        }
        return payloads;
    }

    private Instance start(String owner, int maxSegments) {
        DynamoDbClient client = LocalDynamoDb.newClient();
        DynamoDbTokenStore tokens = DynamoDbTokenStore.builder().client(client).table(tokenTable).serializer(serializer)
                .claimTimeout(Duration.ofSeconds(5)).owner(owner).build();
        DynamoDbEventStorageEngine engine = DynamoDbEventStorageEngine.builder().client(client).tables(eventTables)
                .partitions(2).clockSkew(Duration.ZERO).eventSerializer(serializer).snapshotSerializer(serializer).build();
        Projection projection = new Projection();
        NoReplays noReplays = new NoReplays();
        NoReplays live = new NoReplays();
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> engine)
                .registerComponent(TokenStore.class, c -> tokens)
                .eventProcessing(processing -> processing
                        .registerPooledStreamingEventProcessor(PROJECTION, Configuration::eventStore,
                                (c, builder) -> builder.initialSegmentCount(2).maxClaimedSegments(maxSegments)
                                        .tokenClaimInterval(200).claimExtensionThreshold(200))
                        .registerPooledStreamingEventProcessor(NO_REPLAYS, Configuration::eventStore,
                                (c, builder) -> builder.initialSegmentCount(1).tokenClaimInterval(200))
                        .registerEventHandler(c -> projection)
                        .registerEventHandler(c -> noReplays)
                        .registerSubscribingEventProcessor(SUBSCRIBING)
                        .registerEventHandler(c -> live)
                        .assignHandlerInstancesMatching(SUBSCRIBING, handler -> handler == live)
                        .assignHandlerInstancesMatching(PROJECTION, handler -> handler == projection)
                        .assignHandlerInstancesMatching(NO_REPLAYS, handler -> handler == noReplays))
                .start();
        ProcessorAdminService admin = new ProcessorAdminService(configuration.eventProcessingConfiguration(),
                () -> configuration.eventStore().createHeadToken(), Duration.ofSeconds(10), Clock.systemUTC());
        Instance instance = new Instance(configuration, admin, client);
        instances.add(instance);
        return instance;
    }

    private record Instance(Configuration configuration, ProcessorAdminService admin, DynamoDbClient client) {

        org.axonframework.eventhandling.StreamingEventProcessor processor(String name) {
            return configuration.eventProcessingConfiguration()
                    .eventProcessor(name, org.axonframework.eventhandling.StreamingEventProcessor.class).orElseThrow();
        }

        void stop() {
            configuration.shutdown();
            client.close();
        }
    }

    /** A read model in memory: what a projection with a table would do, emptied on reset. */
    public final class Projection {

        @EventHandler
        public void on(String payload) {
            handled.add(payload);
        }

        @ResetHandler
        public void reset() {
            resets.add(PROJECTION);
            handled.clear();
        }
    }

    /** Like a process with effects outside the application: never replayed. */
    @DisallowReplay
    public static final class NoReplays {

        @EventHandler
        public void on(String payload) {
            // nothing to do: only its refusal to replay matters here
        }
    }
}
