package com.boxoffice.axon.dynamodb.eventstore;

import com.boxoffice.testing.LocalDynamoDb;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Commits stored as packed items: tokens stay exact per event inside an item, a read of the stream that starts in the
 * middle of an item delivers exactly the rest of it, and appends that overlap a stored item are conflicts wherever
 * they start.
 */
class PackedCommitsTest {

    private static DynamoDbClient client;
    private final Serializer serializer = Jackson3Serializer.builder().build();
    private EventTables tables;

    @BeforeAll
    static void connect() {
        client = LocalDynamoDb.newClient();
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshTables() {
        tables = EventStoreTestTables.create(client);
    }

    private DynamoDbEventStorageEngine newEngine() {
        return DynamoDbEventStorageEngine.builder().client(client).tables(tables).partitions(2)
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    private static List<EventMessage<?>> commit(String aggregate, int first, int count) {
        return IntStream.range(first, first + count)
                .<EventMessage<?>>mapToObj(i -> new GenericDomainEventMessage<>("Packed", aggregate, i, aggregate + "-" + i))
                .toList();
    }

    private static List<TrackedEventMessage<?>> read(DynamoDbEventStorageEngine engine, org.axonframework.eventhandling.TrackingToken from) {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(from, false)) {
            return new ArrayList<>(stream.toList());
        }
    }

    @Test
    void eachEventOfAPackedItemHasItsOwnTokenAndAReadFromAnyOfThemDeliversExactlyTheRest() {
        DynamoDbEventStorageEngine writer = newEngine();
        List<EventMessage<?>> events = new ArrayList<>(commit("packed-a", 0, 10));
        events.addAll(commit("packed-b", 0, 7));
        writer.appendEvents(events);
        writer.appendEvents(commit("packed-a", 10, 5));
        List<TrackedEventMessage<?>> all = read(writer, writer.createTailToken());
        assertThat(all).hasSize(22);

        for (int i = 0; i < all.size(); i++) {
            // a fresh engine holds nothing read ahead: it must find the item the token points into
            List<TrackedEventMessage<?>> rest = read(newEngine(), all.get(i).trackingToken());
            assertThat(rest).extracting(EventMessage::getIdentifier)
                    .as("after event %d", i)
                    .containsExactlyElementsOf(all.subList(i + 1, all.size()).stream().map(EventMessage::getIdentifier).toList());
        }
    }

    @Test
    void anAppendOverlappingAStoredCommitIsAConflictWhereverItStarts() {
        DynamoDbEventStorageEngine engine = newEngine();
        engine.appendEvents(commit("overlap", 0, 5));

        assertThatThrownBy(() -> engine.appendEvents(commit("overlap", 2, 2))).isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> newEngine().appendEvents(commit("overlap", 4, 3))).isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> newEngine().appendEvents(commit("overlap", 0, 1)))
                .as("at sequence 0, Axon's answer to a second aggregate of the same id")
                .isInstanceOf(AggregateStreamCreationException.class);

        engine.appendEvents(commit("overlap", 5, 2));
        assertThatThrownBy(() -> newEngine().appendEvents(commit("overlap", 6, 2))).isInstanceOf(ConcurrencyException.class);
        newEngine().appendEvents(commit("overlap", 7, 1));

        assertThat(newEngine().readEvents("overlap").asStream()).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(read(newEngine(), newEngine().createTailToken())).hasSize(8);
    }

    @Test
    void sourcingFromInsideAnItemStartsAtThatSequence() {
        DynamoDbEventStorageEngine engine = newEngine();
        engine.appendEvents(commit("middle", 0, 6));
        engine.appendEvents(commit("middle", 6, 4));

        for (int from = 0; from <= 10; from++) {
            assertThat(newEngine().readEvents("middle", from).asStream()).extracting(DomainEventMessage::getSequenceNumber)
                    .as("from %d", from)
                    .containsExactlyElementsOf(IntStream.range(from, 10).mapToObj(i -> (long) i).toList());
        }
        assertThat(newEngine().lastSequenceNumberFor("middle")).contains(9L);
    }
}
