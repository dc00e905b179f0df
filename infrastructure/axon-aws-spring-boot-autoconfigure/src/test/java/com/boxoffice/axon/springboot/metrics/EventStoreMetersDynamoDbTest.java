package com.boxoffice.axon.springboot.metrics;

import com.boxoffice.axon.dynamodb.eventstore.DynamoDbEventStorageEngine;
import com.boxoffice.axon.dynamodb.eventstore.EventStoreTestTables;
import com.boxoffice.axon.dynamodb.eventstore.EventTables;
import com.boxoffice.testing.LocalDynamoDb;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine's meters on DynamoDB Local: what one append, one conflict, one lost head race and one read record. */
class EventStoreMetersDynamoDbTest {

    private static DynamoDbClient client;
    private final Serializer serializer = Jackson3Serializer.builder().build();
    private final MeterRegistry registry = new SimpleMeterRegistry();
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

    private DynamoDbEventStorageEngine engine(EventStoreMeters meters) {
        // One partition: every aggregate shares one head, so two engines race for it.
        return DynamoDbEventStorageEngine.builder().client(client).tables(tables).partitions(1)
                .eventSerializer(serializer).snapshotSerializer(serializer).observer(meters).build();
    }

    private static GenericDomainEventMessage<String> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Concert", aggregate, sequence, "payload " + sequence);
    }

    @Test
    void anAppendIsTimedAndItsWriteCapacityCountedForTheEventsAndHeadsTables() {
        EventStoreMeters meters = new EventStoreMeters();
        meters.bindTo(registry);
        DynamoDbEventStorageEngine engine = engine(meters);

        engine.appendEvents(event("concert-1", 0), event("concert-1", 1));

        assertThat(registry.get(EventStoreMeters.APPEND).tag("outcome", "success").timer().count()).isEqualTo(1);
        assertThat(registry.get(EventStoreMeters.APPEND).tag("outcome", "success").timer().totalTime(
                java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        // A transactional write costs two write units per item of up to 1 KB: two events and one head.
        assertThat(capacity(tables.events(), "write").count()).isGreaterThanOrEqualTo(4.0);
        assertThat(capacity(tables.heads(), "write").count()).isGreaterThanOrEqualTo(2.0);
    }

    @Test
    void readingTheStreamAndAnAggregateCountsReadCapacity() {
        EventStoreMeters meters = new EventStoreMeters();
        meters.bindTo(registry);
        DynamoDbEventStorageEngine engine = engine(meters);
        engine.appendEvents(event("concert-2", 0));

        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(engine.createTailToken(), false)) {
            assertThat(stream.count()).isEqualTo(1);
        }
        assertThat(engine.readEvents("concert-2").asStream().count()).isEqualTo(1);

        assertThat(capacity(tables.heads(), "read").count()).isPositive();
        assertThat(capacity(tables.events(), "read").count()).isPositive();
    }

    @Test
    void aTakenSequenceIsAConflictAndALostHeadRaceIsCounted() {
        EventStoreMeters firstMeters = new EventStoreMeters();
        firstMeters.bindTo(registry);
        DynamoDbEventStorageEngine first = engine(firstMeters);
        DynamoDbEventStorageEngine second = engine(new EventStoreMeters());
        first.appendEvents(event("concert-3", 0));
        second.appendEvents(event("concert-4", 0));

        // The first engine's cached head is one behind: it loses the race once, then commits at the new head. Its two
        // appends of taken sequences after that are conflicts, not head races: a taken key ends the commit at once.
        first.appendEvents(event("concert-5", 0));
        second.appendEvents(event("concert-5", 1));
        assertThatThrownBy(() -> first.appendEvents(event("concert-5", 1))).isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> first.appendEvents(event("concert-4", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);

        assertThat(registry.get(EventStoreMeters.APPEND).tag("outcome", "success").timer().count()).isEqualTo(2);
        assertThat(registry.get(EventStoreMeters.APPEND).tag("outcome", "conflict").timer().count()).isEqualTo(2);
        assertThat(registry.get(EventStoreMeters.APPEND).tag("outcome", "error").timer().count()).isZero();
        assertThat(registry.get(EventStoreMeters.CONFLICTS).tag("kind", "partition-head").counter().count()).isEqualTo(1);
        assertThat(registry.get(EventStoreMeters.CONFLICTS).tag("kind", "aggregate-sequence").counter().count()).isEqualTo(2);
    }

    private Counter capacity(String table, String operation) {
        return registry.get(EventStoreMeters.CONSUMED_CAPACITY).tag("table", table).tag("operation", operation).counter();
    }
}
