package com.boxoffice.axon.dynamodb.eventstore;

import com.boxoffice.testing.LocalDynamoDb;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The edges the design note lists: item and transaction limits, 1 MB query pages, snapshots that only move forward. */
class EventStoreEdgesTest {

    private static DynamoDbClient client;
    private final Serializer serializer = Jackson3Serializer.builder().build();
    private DynamoDbEventStorageEngine engine;

    @BeforeAll
    static void connect() {
        client = LocalDynamoDb.newClient();
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshStore() {
        engine = DynamoDbEventStorageEngine.builder().client(client).tables(EventStoreTestTables.create(client)).partitions(4)
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Edge", aggregate, sequence, payload);
    }

    private List<String> streamIds() {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(engine.createTailToken(), false)) {
            return stream.map(EventMessage::getIdentifier).toList();
        }
    }

    @Test
    void anEventOverTheItemLimitIsRejectedBeforeAnythingIsWrittenAndTheStreamGoesOn() {
        DomainEventMessage<?> small = event("big-one", 0, "fine");
        DomainEventMessage<?> huge = event("big-one", 1, "x".repeat(450 * 1024));

        assertThatThrownBy(() -> engine.appendEvents(small, huge))
                .isInstanceOf(EventTooLargeException.class)
                .hasMessageContaining("big-one")
                .hasMessageContaining("Event 1");

        assertThat(engine.readEvents("big-one").asStream()).isEmpty();
        assertThat(streamIds()).isEmpty();
        DomainEventMessage<?> next = event("big-one", 0, "after");
        engine.appendEvents(next);
        assertThat(streamIds()).containsExactly(next.getIdentifier());
    }

    @Test
    void aThousandSmallEventsOfOneAggregateAreOneAtomicCommit() {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            events.add(event("crowded", i, "e" + i));
        }
        engine.appendEvents(events);

        List<? extends DomainEventMessage<?>> loaded = engine.readEvents("crowded").asStream().toList();
        assertThat(loaded).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 1000).boxed().toList());
        assertThat(loaded).<Object>extracting(DomainEventMessage::getPayload).startsWith("e0", "e1").endsWith("e999");
        assertThat(engine.readEvents("crowded", 500).asStream()).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(500, 1000).boxed().toList());
        assertThat(engine.lastSequenceNumberFor("crowded")).contains(999L);
        assertThat(streamIds()).containsExactlyElementsOf(events.stream().map(EventMessage::getIdentifier).toList());
    }

    @Test
    void aCommitOfMoreItemsThanOneTransactionHoldsIsRefusedBeforeAnythingIsWritten() {
        // One item per aggregate, plus one head per partition (all 4 of them are touched): 97 + 4 > 100.
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < 97; i++) {
            events.add(event("many-" + i, 0, "e" + i));
        }
        assertThatThrownBy(() -> engine.appendEvents(events))
                .isInstanceOf(CommitTooLargeException.class)
                .hasMessageContaining("101 transaction items")
                .hasMessageContaining("many-0");
        assertThat(engine.readEvents("many-0").asStream()).isEmpty();
        assertThat(streamIds()).isEmpty();

        engine.appendEvents(events.subList(0, 96));
        assertThat(streamIds()).hasSize(96);
    }

    @Test
    void aCommitOverFourMegabytesIsRefusedBeforeAnythingIsWrittenAndOneBelowIsStoredWhole() {
        // what DynamoDB receives counts: without compression, these are the events' own bytes
        engine = DynamoDbEventStorageEngine.builder().client(client).tables(EventStoreTestTables.create(client)).partitions(4)
                .eventSerializer(serializer).snapshotSerializer(serializer).compressEvents(false).build();
        String payload = "z".repeat(100 * 1024);
        List<EventMessage<?>> tooMuch = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            tooMuch.add(event("bulky", i, payload + i));
        }
        assertThatThrownBy(() -> engine.appendEvents(tooMuch))
                .isInstanceOf(CommitTooLargeException.class)
                .hasMessageContaining("45 events")
                .hasMessageContaining("4194304 bytes");
        assertThat(engine.readEvents("bulky").asStream()).isEmpty();
        assertThat(streamIds()).isEmpty();

        // about 3.5 MB: several items of up to 350 KB, in one transaction
        engine.appendEvents(tooMuch.subList(0, 35));
        assertThat(engine.readEvents("bulky").asStream()).<Object>extracting(DomainEventMessage::getPayload)
                .containsExactlyElementsOf(tooMuch.subList(0, 35).stream().<Object>map(EventMessage::getPayload).toList());
        assertThat(engine.readEvents("bulky", 17).asStream()).hasSize(18);
        assertThat(streamIds()).hasSize(35);
    }

    @Test
    void compressedEventsCountWithTheBytesTheyAreStoredIn() {
        String payload = "z".repeat(100 * 1024);
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            events.add(event("deflated", i, payload + i));
        }
        // 4.5 MB of events, deflated to far less: one transaction holds them
        engine.appendEvents(events);
        assertThat(engine.readEvents("deflated").asStream()).<Object>extracting(DomainEventMessage::getPayload)
                .containsExactlyElementsOf(events.stream().<Object>map(EventMessage::getPayload).toList());
        assertThat(streamIds()).hasSize(45);
    }

    @Test
    void anEventJustBelowTheItemLimitIsStoredInAnItemOfItsOwn() {
        DomainEventMessage<?> small = event("near-limit", 0, "small");
        DomainEventMessage<?> large = event("near-limit", 1, "w".repeat(390 * 1024));
        DomainEventMessage<?> after = event("near-limit", 2, "after");
        engine.appendEvents(small, large, after);

        assertThat(engine.readEvents("near-limit").asStream()).<Object>extracting(DomainEventMessage::getPayload)
                .containsExactly("small", large.getPayload(), "after");
        assertThat(streamIds()).containsExactly(small.getIdentifier(), large.getIdentifier(), after.getIdentifier());
    }

    @Test
    void sourcingFollowsQueryPagesPastOneMegabyte() {
        String payload = "y".repeat(60 * 1024);
        for (int i = 0; i < 40; i += 10) {
            List<EventMessage<?>> commit = new ArrayList<>();
            for (int j = i; j < i + 10; j++) {
                commit.add(event("heavy", j, payload + j));
            }
            engine.appendEvents(commit);
        }
        // 40 events of ~80 KB stored (payload plus metadata): about 3 MB, three or more 1 MB pages.
        List<? extends DomainEventMessage<?>> loaded = engine.readEvents("heavy").asStream().toList();
        assertThat(loaded).hasSize(40);
        assertThat(loaded.get(39).getSequenceNumber()).isEqualTo(39);
        assertThat(engine.lastSequenceNumberFor("heavy")).contains(39L);
        assertThat(streamIds()).hasSize(40);
    }

    @Test
    void anOlderSnapshotNeverReplacesANewerOne() {
        engine.storeSnapshot(event("snapped", 20, "state at 20"));
        engine.storeSnapshot(event("snapped", 10, "state at 10"));
        assertThat(engine.readSnapshot("snapped")).get()
                .satisfies(s -> assertThat(s.getSequenceNumber()).isEqualTo(20))
                .satisfies(s -> assertThat(s.getPayload()).isEqualTo("state at 20"));

        engine.storeSnapshot(event("snapped", 30, "state at 30"));
        assertThat(engine.readSnapshot("snapped")).get()
                .satisfies(s -> assertThat(s.getSequenceNumber()).isEqualTo(30));
    }

    @Test
    void headAndTailTokensBracketTheStream() {
        DomainEventMessage<?> first = event("a", 0, "1");
        engine.appendEvents(first);
        var head = engine.createHeadToken();
        DomainEventMessage<?> second = event("b", 0, "2");
        engine.appendEvents(second);

        try (Stream<? extends TrackedEventMessage<?>> fromHead = engine.readEvents(head, false)) {
            assertThat(fromHead.map(EventMessage::getIdentifier)).containsExactly(second.getIdentifier());
        }
        assertThat(streamIds()).containsExactly(first.getIdentifier(), second.getIdentifier());
    }

    @Test
    void aTokenAtAnInstantStartsAtTheFirstEventAtOrAfterIt() {
        Instant t0 = Instant.parse("2026-05-01T10:00:00Z");
        List<DomainEventMessage<?>> events = List.of(
                timed("early", 0, t0), timed("middle", 0, t0.plusSeconds(10)),
                timed("late", 0, t0.plusSeconds(20)), timed("early", 1, t0.plusSeconds(30)));
        events.forEach(e -> engine.appendEvents(e));

        assertThat(idsFrom(engine.createTokenAt(t0.plusSeconds(15))))
                .containsExactly(events.get(2).getIdentifier(), events.get(3).getIdentifier());
        assertThat(idsFrom(engine.createTokenAt(t0.plusSeconds(10))))
                .as("an event exactly at the instant is included")
                .containsExactly(events.get(1).getIdentifier(), events.get(2).getIdentifier(), events.get(3).getIdentifier());
        assertThat(idsFrom(engine.createTokenAt(t0.minus(Duration.ofDays(1))))).hasSize(4);
        assertThat(engine.createTokenAt(t0.plusSeconds(31))).isEqualTo(engine.createHeadToken());
        assertThat(engine.createTokenAt(Instant.now())).as("an empty future").isEqualTo(engine.createHeadToken());
    }

    @Test
    void aTokenAtAnInstantOfAnEmptyStoreIsTheTail() {
        assertThat(engine.createTokenAt(Instant.now())).isEqualTo(engine.createTailToken());
    }

    private static DomainEventMessage<?> timed(String aggregate, long sequence, Instant at) {
        return new GenericDomainEventMessage<>("Edge", aggregate, sequence, aggregate + sequence, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at);
    }

    private List<String> idsFrom(TrackingToken token) {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(token, false)) {
            return stream.map(EventMessage::getIdentifier).toList();
        }
    }
}
