package com.boxoffice.app.events.dynamodb;

import com.boxoffice.app.events.EventEntry;
import com.boxoffice.app.events.EventTrail;
import com.boxoffice.axon.dynamodb.support.BatchWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static com.boxoffice.app.events.dynamodb.EventTrailTable.AGGREGATE_ID;
import static com.boxoffice.app.events.dynamodb.EventTrailTable.AGGREGATE_TYPE;
import static com.boxoffice.app.events.dynamodb.EventTrailTable.EVENT_ID;
import static com.boxoffice.app.events.dynamodb.EventTrailTable.EXPIRES_AT;
import static com.boxoffice.app.events.dynamodb.EventTrailTable.PAYLOAD;
import static com.boxoffice.app.events.dynamodb.EventTrailTable.PK;
import static com.boxoffice.app.events.dynamodb.EventTrailTable.SEQUENCE;
import static com.boxoffice.app.events.dynamodb.EventTrailTable.SK;
import static com.boxoffice.app.events.dynamodb.EventTrailTable.TIMESTAMP;
import static com.boxoffice.app.events.dynamodb.EventTrailTable.TYPE;
import static com.boxoffice.app.events.dynamodb.EventTrailTable.TYPE_SHARDS;

/** The {@link EventTrail} in DynamoDB: every read is a key query, never a scan; the entries of a batch are written in BatchWriteItem requests of 25. */
public final class DynamoDbEventTrail implements EventTrail {

    private final DynamoDbClient client;
    private final String tableName;
    private final Duration retention;
    private final BatchWrites writes;

    /** @param retention how long after an event its items live */
    public DynamoDbEventTrail(DynamoDbClient client, String tableName, Duration retention) {
        this.client = client;
        this.tableName = tableName;
        this.retention = retention;
        this.writes = new BatchWrites(client, tableName);
    }

    /** @throws IllegalStateException when DynamoDB kept throttling the writes (the processor delivers them again) */
    @Override
    public void recordAll(List<Recorded> entries) {
        List<WriteRequest> puts = new ArrayList<>(entries.size() * 2);
        for (Recorded recorded : entries) {
            EventEntry entry = recorded.entry();
            Map<String, AttributeValue> item = itemOf(entry);
            item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(entry.timestamp().plus(retention).getEpochSecond())));
            item.put(PK, AttributeValue.fromS(EventTrailTable.typeKey(entry.type(), EventTrailTable.shardOf(entry))));
            puts.add(put(item));
            if (recorded.requestIdOrNull() != null) {
                Map<String, AttributeValue> requestItem = new HashMap<>(item);
                requestItem.put(PK, AttributeValue.fromS(EventTrailTable.requestKey(recorded.requestIdOrNull())));
                puts.add(put(requestItem));
            }
        }
        if (puts.size() == 1) {
            client.putItem(put -> put.tableName(tableName).item(puts.get(0).putRequest().item()));
        } else if (!puts.isEmpty()) {
            writes.writeAll(puts);
        }
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    @Override
    public List<EventEntry> ofRequest(String requestId, int limit) {
        return query(EventTrailTable.requestKey(requestId), true, limit);
    }

    @Override
    public List<EventEntry> ofType(String type, int limit) {
        // The newest of each shard, then the newest of those: a limit per shard is enough for the merge.
        List<Map.Entry<String, EventEntry>> newest = IntStream.range(0, TYPE_SHARDS)
                .mapToObj(shard -> queryItems(EventTrailTable.typeKey(type, shard), false, limit))
                .flatMap(List::stream)
                .map(item -> Map.entry(item.get(SK).s(), entryOf(item)))
                .sorted(Map.Entry.<String, EventEntry>comparingByKey().reversed())
                .limit(limit)
                .sorted(Map.Entry.comparingByKey())
                .toList();
        return newest.stream().map(Map.Entry::getValue).toList();
    }

    private List<EventEntry> query(String partition, boolean oldestFirst, int limit) {
        return queryItems(partition, oldestFirst, limit).stream().map(DynamoDbEventTrail::entryOf).toList();
    }

    /**
     * The first {@code limit} items of a partition. A page may stop early at 1 MB, so the paginator follows pages; it
     * is lazy, so no page is asked for once {@code limit} items are read.
     */
    private List<Map<String, AttributeValue>> queryItems(String partition, boolean oldestFirst, int limit) {
        QueryRequest query = QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))
                .scanIndexForward(oldestFirst)
                .limit(limit)
                .build();
        return client.queryPaginator(query).items().stream().limit(limit).toList();
    }

    private static Map<String, AttributeValue> itemOf(EventEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(SK, AttributeValue.fromS(EventTrailTable.sortKey(entry)));
        item.put(EVENT_ID, AttributeValue.fromS(entry.eventId()));
        item.put(TYPE, AttributeValue.fromS(entry.type()));
        item.put(TIMESTAMP, AttributeValue.fromS(entry.timestamp().toString()));
        item.put(PAYLOAD, AttributeValue.fromS(entry.payloadJson()));
        if (entry.aggregateType() != null) {
            item.put(AGGREGATE_TYPE, AttributeValue.fromS(entry.aggregateType()));
        }
        if (entry.aggregateId() != null) {
            item.put(AGGREGATE_ID, AttributeValue.fromS(entry.aggregateId()));
        }
        if (entry.sequence() != null) {
            item.put(SEQUENCE, AttributeValue.fromN(Long.toString(entry.sequence())));
        }
        return item;
    }

    private static EventEntry entryOf(Map<String, AttributeValue> item) {
        return new EventEntry(item.get(EVENT_ID).s(), item.get(TYPE).s(), stringOrNull(item, AGGREGATE_TYPE),
                stringOrNull(item, AGGREGATE_ID), item.containsKey(SEQUENCE) ? Long.valueOf(item.get(SEQUENCE).n()) : null,
                Instant.parse(item.get(TIMESTAMP).s()), item.get(PAYLOAD).s());
    }

    private static String stringOrNull(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
