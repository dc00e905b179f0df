package com.boxoffice.axon.dynamodb.eventstore;

import com.boxoffice.testing.LocalDynamoDb;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tables written by the first version of the engine (one item per event, {@link FirstLayoutWriter}) are read by this
 * one, sourcing and stream alike, and it appends to them: its commit items follow the old items in the same logs.
 */
class FirstLayoutTablesTest {

    private static final int PARTITIONS = 2;
    private static DynamoDbClient client;
    private final Serializer serializer = Jackson3Serializer.builder().build();
    private EventTables tables;
    private FirstLayoutWriter firstVersion;
    private final List<EventMessage<?>> written = new ArrayList<>();

    @BeforeAll
    static void connect() {
        client = LocalDynamoDb.newClient();
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void tablesOfTheFirstVersion() {
        tables = EventStoreTestTables.create(client);
        firstVersion = new FirstLayoutWriter(client, tables, PARTITIONS, serializer);
        Instant t0 = Instant.parse("2026-06-01T10:00:00Z");
        write(List.of(event("legacy-a", 0, t0), event("legacy-a", 1, t0.plusSeconds(1)), event("legacy-a", 2, t0.plusSeconds(2))));
        write(List.of(event("legacy-b", 0, t0.plusSeconds(3)),
                new GenericEventMessage<>(UUID.randomUUID().toString(), "no aggregate", MetaData.with("k", "v"), t0.plusSeconds(4))));
        write(List.of(event("legacy-a", 3, t0.plusSeconds(5))));
    }

    private void write(List<EventMessage<?>> commit) {
        firstVersion.commit(commit);
        written.addAll(commit);
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence, Instant at) {
        return new GenericDomainEventMessage<>("Legacy", aggregate, sequence, aggregate + "/" + sequence,
                MetaData.with("seq", sequence), UUID.randomUUID().toString(), at);
    }

    private DynamoDbEventStorageEngine engine() {
        return DynamoDbEventStorageEngine.builder().client(client).tables(tables).partitions(PARTITIONS)
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    private static List<TrackedEventMessage<?>> read(DynamoDbEventStorageEngine engine, TrackingToken from) {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(from, false)) {
            return new ArrayList<>(stream.toList());
        }
    }

    private static List<String> ids(List<? extends EventMessage<?>> events) {
        return events.stream().map(EventMessage::getIdentifier).toList();
    }

    @Test
    void sourcingReadsTheOldItemsWithTheirPayloadsMetaDataAndTimestamps() {
        List<? extends DomainEventMessage<?>> loaded = engine().readEvents("legacy-a").asStream().toList();
        assertThat(loaded).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L);
        assertThat(loaded).<Object>extracting(EventMessage::getPayload).containsExactly("legacy-a/0", "legacy-a/1", "legacy-a/2", "legacy-a/3");
        assertThat(loaded.get(2).getMetaData()).containsEntry("seq", 2);
        assertThat(loaded.get(2).getTimestamp()).isEqualTo(Instant.parse("2026-06-01T10:00:02Z"));
        assertThat(engine().readEvents("legacy-a", 2).asStream()).extracting(DomainEventMessage::getSequenceNumber).containsExactly(2L, 3L);
        assertThat(engine().lastSequenceNumberFor("legacy-a")).contains(3L);
        assertThat(engine().lastSequenceNumberFor("legacy-b")).contains(0L);
    }

    @Test
    void theStreamDeliversTheOldItemsAndResumesFromAnyOfTheirTokens() {
        List<TrackedEventMessage<?>> all = read(engine(), engine().createTailToken());
        assertThat(all).extracting(EventMessage::getIdentifier).containsExactlyInAnyOrderElementsOf(ids(written));
        assertThat(all).filteredOn(e -> e instanceof DomainEventMessage<?> d && d.getAggregateIdentifier().equals("legacy-a"))
                .extracting(e -> ((DomainEventMessage<?>) e).getSequenceNumber()).containsExactly(0L, 1L, 2L, 3L);
        for (int i = 0; i < all.size(); i++) {
            assertThat(ids(read(engine(), all.get(i).trackingToken()))).containsExactlyElementsOf(ids(all.subList(i + 1, all.size())));
        }
        assertThat(ids(read(engine(), engine().createTokenAt(Instant.parse("2026-06-01T10:00:03Z")))))
                .containsExactlyInAnyOrder(written.get(3).getIdentifier(), written.get(4).getIdentifier(), written.get(5).getIdentifier());
    }

    @Test
    void thisVersionAppendsAfterTheOldItemsAndTheirSequenceNumbersStayTaken() {
        TrackingToken before = engine().createHeadToken();
        List<EventMessage<?>> next = IntStream.range(4, 8)
                .<EventMessage<?>>mapToObj(i -> event("legacy-a", i, Instant.now())).toList();
        engine().appendEvents(next);

        assertThatThrownBy(() -> engine().appendEvents(event("legacy-a", 3, Instant.now()))).isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine().appendEvents(event("legacy-a", 2, Instant.now()), event("legacy-a", 3, Instant.now())))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(engine().readEvents("legacy-a").asStream()).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(engine().readEvents("legacy-a", 3).asStream()).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(ids(read(engine(), before))).containsExactlyElementsOf(ids(next));
        List<TrackedEventMessage<?>> all = read(engine(), engine().createTailToken());
        assertThat(all).hasSize(written.size() + next.size());
        for (int i = 0; i < all.size(); i++) {
            assertThat(ids(read(engine(), all.get(i).trackingToken()))).containsExactlyElementsOf(ids(all.subList(i + 1, all.size())));
        }
    }
}
