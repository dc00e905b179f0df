package com.boxoffice.app.events.dynamodb;

import com.boxoffice.app.events.EventEntry;
import com.boxoffice.app.events.EventTrail;
import com.boxoffice.axon.dynamodb.schema.TableCreator;
import com.boxoffice.testing.LocalDynamoDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The event trail on DynamoDB Local: key queries in order, the type shards merged, items that expire. */
class DynamoDbEventTrailTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);

    private final DynamoDbClient client = LocalDynamoDb.newClient();
    private String table;
    private DynamoDbEventTrail trail;

    @BeforeEach
    void createTable() {
        table = LocalDynamoDb.uniquePrefix() + EventTrailTable.NAME;
        assertThat(new TableCreator(client).createMissing(List.of(EventTrailTable.spec(table)))).containsExactly(table);
        trail = new DynamoDbEventTrail(client, table, RETENTION);
    }

    @Test
    void theTableIsCreatedWithItsTimeToLiveSwitchedOn() {
        var ttl = client.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
        assertThat(ttl.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
    }

    @Test
    void aRequestsEventsReadBackInTimeThenSequenceOrder() {
        String order = UUID.randomUUID().toString();
        // Recorded out of order (segments of a processor run in parallel), two in the same instant.
        trail.record(event("OrderConfirmed", "Order", order, 2, T0.plusMillis(30)), "req-1");
        trail.record(event("OrderPlaced", "Order", order, 0, T0.plusMillis(10)), "req-1");
        trail.record(event("OrderReserved", "Order", order, 1, T0.plusMillis(10)), "req-1");
        trail.record(event("CartOpened", "Cart", UUID.randomUUID().toString(), 0, T0), "req-other");
        trail.record(event("ConcertScheduled", null, null, null, T0), null);

        assertThat(trail.ofRequest("req-1", 1000)).extracting(EventEntry::type)
                .containsExactly("OrderPlaced", "OrderReserved", "OrderConfirmed");
        assertThat(trail.ofRequest("req-1", 2)).extracting(EventEntry::type)
                .containsExactly("OrderPlaced", "OrderReserved");
        assertThat(trail.ofRequest("req-none", 1000)).isEmpty();
    }

    @Test
    void anEntryReadsBackWhole() {
        EventEntry placed = event("OrderPlaced", "Order", "order-1", 7, T0.plusNanos(123_456_789));
        trail.record(placed, "req-2");
        assertThat(trail.ofRequest("req-2", 10)).containsExactly(placed);
        EventEntry loose = event("SomethingHappened", null, null, null, T0);
        trail.record(loose, null);
        assertThat(trail.ofType("SomethingHappened", 10)).containsExactly(loose);
    }

    @Test
    void recordingAgainOnAReplayDoesNotDuplicate() {
        EventEntry placed = event("OrderPlaced", "Order", "order-2", 0, T0);
        trail.record(placed, "req-3");
        trail.record(placed, "req-3");
        assertThat(trail.ofRequest("req-3", 10)).hasSize(1);
        assertThat(trail.ofType("OrderPlaced", 10)).hasSize(1);
    }

    @Test
    void theNewestOfATypeAreMergedFromEveryShardOldestOfThemFirst() {
        List<EventEntry> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            EventEntry entry = event("TicketsReserved", "Concert", "concert-" + i, 0, T0.plusSeconds(i));
            all.add(entry);
            trail.record(entry, null);
        }
        trail.record(event("TicketsReleased", "Concert", "concert-x", 1, T0.plusSeconds(100)), null);

        assertThat(trail.ofType("TicketsReserved", 10)).containsExactlyElementsOf(all.subList(30, 40));
        assertThat(trail.ofType("TicketsReserved", 1000)).containsExactlyElementsOf(all);
        assertThat(trail.ofType("NoSuchType", 10)).isEmpty();
    }

    @Test
    void itemsExpireTheRetentionAfterTheirEvent() {
        EventEntry placed = event("OrderPlaced", "Order", "order-3", 0, T0);
        trail.record(placed, "req-4");
        List<Map<String, AttributeValue>> items = client.scan(r -> r.tableName(table)).items();
        assertThat(items).hasSize(2).allSatisfy(item -> assertThat(item.get("expiresAt").n())
                .isEqualTo(Long.toString(T0.plus(RETENTION).getEpochSecond())));
    }

    /** A processor's batch: more items than one BatchWriteItem takes, every one readable under its type and request. */
    @Test
    void aBatchOfEntriesIsStoredWhole() {
        String order = "order-batch";
        List<EventTrail.Recorded> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(new EventTrail.Recorded(event("OrderLineReserved", "Order", order, i, T0.plusMillis(i)), "req-batch"));
        }
        batch.add(new EventTrail.Recorded(event("ConcertScheduled", null, null, null, T0), null));

        trail.recordAll(batch);

        assertThat(trail.ofRequest("req-batch", 100)).extracting(EventEntry::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 30).boxed().toList());
        assertThat(trail.ofType("OrderLineReserved", 100)).hasSize(30);
        assertThat(trail.ofType("ConcertScheduled", 100)).hasSize(1);
        assertThat(client.scan(r -> r.tableName(table)).items()).hasSize(61);
    }

    private static EventEntry event(String type, String aggregateType, String aggregateId, Integer sequence,
                                    Instant at) {
        return new EventEntry(UUID.randomUUID().toString(), type, aggregateType, aggregateId,
                sequence == null ? null : sequence.longValue(), at, "{\"n\":" + at.toEpochMilli() + "}");
    }
}
