package com.boxoffice.infrastructure.tokenstore;

import com.boxoffice.infrastructure.dynamodb.TableCreator;
import com.boxoffice.infrastructure.eventstore.DynamoDbEventStorageEngine;
import com.boxoffice.infrastructure.eventstore.EventTables;
import com.boxoffice.infrastructure.serialization.TrackingTokenTyping;
import com.boxoffice.infrastructure.testing.LocalDynamoDb;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Axon configurations, as two JVMs would be (own DynamoDB clients, engines and token stores with distinct owners,
 * one set of tables), run the same pooled streaming processor: they split its segments, and when one stops the other
 * takes its segments over from the tokens it left, so every event is handled exactly once overall.
 */
class ProcessorsAcrossInstancesTest {

    private static final String PROCESSOR = "projection";
    private final Serializer serializer = Jackson3Serializer.builder().jsonMapperBuilderCustomizer(TrackingTokenTyping.customizer()).build();
    private final List<DynamoDbClient> clients = new ArrayList<>();
    private final List<Configuration> running = new ArrayList<>();
    private final Map<String, List<String>> handledBy = new ConcurrentHashMap<>();
    private EventTables tables;
    private String tokenTable;

    @AfterEach
    void stop() {
        running.forEach(Configuration::shutdown);
        clients.forEach(DynamoDbClient::close);
    }

    @Test
    void instancesSplitSegmentsAndTakeOverFromEachOthersTokens() {
        freshTables();

        Configuration a = start("instance-a", 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> claimed(a) == 2);
        Configuration b = start("instance-b", 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> claimed(b) == 2);

        DynamoDbEventStorageEngine writer = engine(newClient());
        List<String> published = new ArrayList<>(publish(writer, 60));
        await().atMost(Duration.ofSeconds(60)).until(() -> handledBy.size() == 60);
        assertThat(handledBy.values().stream().flatMap(List::stream).distinct())
                .as("each instance handles its own segments").containsExactlyInAnyOrder("instance-a", "instance-b");

        a.shutdown();
        running.remove(a);
        published.addAll(publish(writer, 60));
        await().atMost(Duration.ofSeconds(60)).until(() -> handledBy.size() == 120);
        assertThat(claimed(b)).as("b took over a's segments").isEqualTo(4);
        assertThat(handledBy.keySet()).containsExactlyInAnyOrderElementsOf(published);
        assertThat(handledBy).allSatisfy((event, owners) -> assertThat(owners).as("handlers of %s", event).hasSize(1));
        long handledByBAfterTakeOver = published.subList(60, 120).stream()
                .filter(id -> handledBy.get(id).equals(List.of("instance-b"))).count();
        assertThat(handledByBAfterTakeOver).isEqualTo(60);
    }

    @Test
    void splittingAndMergingSegmentsWhileEventsFlowHandlesEveryEventOnce() throws Exception {
        freshTables();

        Configuration only = start("only", 8);
        await().atMost(Duration.ofSeconds(30)).until(() -> claimed(only) == 4);
        PooledStreamingEventProcessor processor = only.eventProcessingConfiguration()
                .eventProcessor(PROCESSOR, PooledStreamingEventProcessor.class).orElseThrow();
        DynamoDbEventStorageEngine writer = engine(newClient());
        List<String> published = new CopyOnWriteArrayList<>();
        Thread publisher = new Thread(() -> {
            for (int round = 0; round < 30; round++) {
                published.addAll(publish(writer, 5));
            }
        });
        publisher.start();

        assertThat(processor.splitSegment(0).get(30, TimeUnit.SECONDS)).as("split").isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> claimed(only) == 5);
        assertThat(processor.mergeSegment(0).get(30, TimeUnit.SECONDS)).as("merge").isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> claimed(only) == 4);
        publisher.join();

        await().atMost(Duration.ofSeconds(60)).until(() -> handledBy.size() == 150);
        assertThat(handledBy.keySet()).containsExactlyInAnyOrderElementsOf(published);
        assertThat(handledBy).allSatisfy((event, owners) -> assertThat(owners).as("handlers of %s", event).hasSize(1));
    }

    private void freshTables() {
        String prefix = LocalDynamoDb.uniquePrefix();
        tables = EventTables.withPrefix(prefix);
        tokenTable = prefix + "tokens";
        TableCreator creator = new TableCreator(newClient());
        creator.createMissing(tables.specs());
        creator.createMissing(List.of(DynamoDbTokenStore.tableSpec(tokenTable)));
    }

    private static int claimed(Configuration configuration) {
        return configuration.eventProcessingConfiguration()
                .eventProcessor(PROCESSOR, PooledStreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().size()).orElse(0);
    }

    private Configuration start(String owner, int maxSegments) {
        DynamoDbClient client = newClient();
        DynamoDbEventStorageEngine engine = engine(client);
        TokenStore tokens = DynamoDbTokenStore.builder().client(client).table(tokenTable).serializer(serializer)
                .claimTimeout(Duration.ofSeconds(5)).owner(owner).build();
        Recorder recorder = new Recorder(owner, handledBy);
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> engine)
                .registerComponent(TokenStore.class, c -> tokens)
                .eventProcessing(processing -> processing
                        .registerPooledStreamingEventProcessor(PROCESSOR, Configuration::eventStore,
                                (c, builder) -> builder.initialSegmentCount(4).maxClaimedSegments(maxSegments)
                                        .tokenClaimInterval(500).batchSize(10))
                        .registerEventHandler(c -> recorder)
                        .assignHandlerInstancesMatching(PROCESSOR, handler -> handler == recorder))
                .start();
        running.add(configuration);
        return configuration;
    }

    private DynamoDbEventStorageEngine engine(DynamoDbClient client) {
        return DynamoDbEventStorageEngine.builder().client(client).tables(tables).partitions(4)
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    private List<String> publish(DynamoDbEventStorageEngine engine, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EventMessage<?> event = new GenericDomainEventMessage<>("Thing", UUID.randomUUID().toString(), 0, "event-" + i);
            engine.appendEvents(event);
            ids.add(event.getIdentifier());
        }
        return ids;
    }

    private DynamoDbClient newClient() {
        DynamoDbClient client = LocalDynamoDb.newClient();
        clients.add(client);
        return client;
    }

    /** Records which instance handled which event. */
    public static final class Recorder {
        private final String owner;
        private final Map<String, List<String>> handledBy;

        Recorder(String owner, Map<String, List<String>> handledBy) {
            this.owner = owner;
            this.handledBy = handledBy;
        }

        @EventHandler
        public void on(String payload, EventMessage<?> event) {
            handledBy.computeIfAbsent(event.getIdentifier(), id -> new CopyOnWriteArrayList<>()).add(owner);
        }
    }
}
