package com.boxoffice.axon.dynamodb.eventstore;

import com.boxoffice.axon.dynamodb.schema.ItemSizes;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.boxoffice.axon.dynamodb.eventstore.EventTables.AGGREGATE_ID;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.AGGREGATE_TYPE;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.COMMIT_STAMP;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.EVENTS;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.LAST_SEQ;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.PARTITION;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.POSITION;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.SEQ;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.TIMESTAMP_MS;

/**
 * One item of a commit: consecutive events of one aggregate (or one event no aggregate published), keyed by
 * (aggregateId, first sequence), holding {@code lastSeq} and the events packed ({@link PackedEvents}). In the log it
 * takes the positions {@code position .. position + count - 1}; its {@code position} attribute is its first event's.
 */
record CommitItem(int partition, List<PreparedEvent> events, byte[] packed) {

    /** An upper bound of the attributes besides the packed events: key, type, numbers, names. */
    private static final int OVERHEAD_BYTES = 200;

    CommitItem {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("A commit item holds at least one event");
        }
        events = List.copyOf(events);
    }

    /** Packs the events, deflated where worth it when {@code compress}. */
    static CommitItem of(int partition, List<PreparedEvent> events, boolean compress) {
        return new CommitItem(partition, events, PackedEvents.pack(events.stream().map(PreparedEvent::packed).toList(), compress));
    }

    PreparedEvent first() {
        return events.get(0);
    }

    long firstSeq() {
        return first().key().sequence();
    }

    long lastSeq() {
        return events.get(events.size() - 1).key().sequence();
    }

    int count() {
        return events.size();
    }

    /** The item as DynamoDB will store it, at {@code position}, stamped with the commit's stamp. */
    Map<String, AttributeValue> toItem(long position, long commitStamp) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AGGREGATE_ID, AttributeValue.fromS(first().key().aggregateId()));
        item.put(SEQ, EventItems.number(firstSeq()));
        item.put(LAST_SEQ, EventItems.number(lastSeq()));
        if (first().aggregateType() != null) {
            item.put(AGGREGATE_TYPE, AttributeValue.fromS(first().aggregateType()));
        }
        item.put(EVENTS, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(packed)));
        item.put(PARTITION, EventItems.number(partition));
        item.put(POSITION, EventItems.number(position));
        item.put(COMMIT_STAMP, EventItems.number(commitStamp));
        // the first event's, so that a reader can skip an item without unpacking it
        item.put(TIMESTAMP_MS, EventItems.number(first().parts().timestamp().toEpochMilli()));
        return item;
    }

    /** What the item weighs, as DynamoDB counts it (at the largest position and stamp numbers). */
    long itemBytes() {
        return ItemSizes.of(toItem(Long.MAX_VALUE, Long.MAX_VALUE));
    }

    /** A cheap upper bound of {@link #itemBytes()} while an item is being filled. */
    static long estimatedBytes(long packedBytes, String aggregateId, String aggregateType) {
        return OVERHEAD_BYTES + packedBytes + aggregateId.length() * 3L + (aggregateType == null ? 0 : aggregateType.length() * 3L);
    }
}
