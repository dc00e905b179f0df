package com.boxoffice.axon.dynamodb.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.boxoffice.axon.dynamodb.eventstore.EventTables.AGGREGATE_ID;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.AGGREGATE_TYPE;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.COMMIT_INDEX;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.COMMIT_STAMP;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.EVENTS;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.EVENT_ID;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.LAST_SEQ;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.META_DATA;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.PARTITION;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.PAYLOAD;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.PAYLOAD_REVISION;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.PAYLOAD_TYPE;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.POSITION;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.SEQ;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.TIMESTAMP;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.TIMESTAMP_MS;

/**
 * Events and snapshots as DynamoDB items, and back.
 * <p>
 * Two item layouts are read. A <em>commit item</em> (written by this version) holds consecutive events of one
 * aggregate packed in {@value EventTables#EVENTS}, from {@code seq} to {@code lastSeq}. A <em>single-event item</em>
 * (written by the first version of the engine, and still the layout of snapshots) holds one event in named attributes.
 * An event no aggregate published is keyed by its own identifier at sequence 0 (as Axon's JDBC and JPA engines do) and
 * stored without an aggregate type, which is how it is recognised when read back.
 */
final class EventItems {

    private EventItems() {
    }

    /** The key an event is stored under: its aggregate and sequence, or its own id for a non-domain event. */
    record Key(String aggregateId, long sequence) {
    }

    static Key keyOf(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            return new Key(domain.getAggregateIdentifier(), domain.getSequenceNumber());
        }
        return new Key(event.getIdentifier(), 0);
    }

    /** The aggregate's type, or {@code null} for an event stored as published by no aggregate. */
    static String aggregateTypeOf(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            return domain.getType();
        }
        return null;
    }

    static StoredEvent.Parts serialize(EventMessage<?> event, Serializer serializer) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        return new StoredEvent.Parts(event.getIdentifier(), event.getTimestamp(), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), metaData.getData());
    }

    static Map<String, AttributeValue> toSnapshotItem(DomainEventMessage<?> snapshot, Serializer serializer) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AGGREGATE_ID, AttributeValue.fromS(snapshot.getAggregateIdentifier()));
        item.put(SEQ, number(snapshot.getSequenceNumber()));
        if (snapshot.getType() != null) {
            item.put(AGGREGATE_TYPE, AttributeValue.fromS(snapshot.getType()));
        }
        putParts(item, serialize(snapshot, serializer));
        return item;
    }

    /** The named attributes of a single-event item (snapshots; and events as the first version stored them). */
    static void putParts(Map<String, AttributeValue> item, StoredEvent.Parts parts) {
        item.put(EVENT_ID, AttributeValue.fromS(parts.eventId()));
        item.put(PAYLOAD_TYPE, AttributeValue.fromS(parts.payloadType()));
        if (parts.payloadRevision() != null) {
            item.put(PAYLOAD_REVISION, AttributeValue.fromS(parts.payloadRevision()));
        }
        item.put(PAYLOAD, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(parts.payload())));
        item.put(META_DATA, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(parts.metaData())));
        item.put(TIMESTAMP, AttributeValue.fromS(parts.timestamp().toString()));
        item.put(TIMESTAMP_MS, number(parts.timestamp().toEpochMilli()));
    }

    /** A snapshot item (single-event layout). */
    static DomainEventData<byte[]> toDomainEventData(Map<String, AttributeValue> item) {
        return new StoredEvent.Domain(string(item, AGGREGATE_TYPE), item.get(AGGREGATE_ID).s(), longOf(item, SEQ), parts(item));
    }

    /**
     * The events of an event item of either layout, in sequence order, with their positions. Items read by a
     * projection that leaves out the coordinates (none does today) would read them as 0.
     */
    static List<ItemEvent> eventsOf(Map<String, AttributeValue> item) {
        String type = string(item, AGGREGATE_TYPE);
        String aggregateId = item.get(AGGREGATE_ID).s();
        long firstSeq = longOf(item, SEQ);
        int partition = (int) longOrZero(item, PARTITION);
        long position = longOrZero(item, POSITION);
        long stamp = longOrZero(item, COMMIT_STAMP);
        if (!item.containsKey(EVENTS)) {
            return List.of(new ItemEvent(partition, position, stamp, (int) longOrZero(item, COMMIT_INDEX), type,
                    aggregateId, firstSeq, parts(item)));
        }
        List<PackedEvents.Packed> packed = PackedEvents.unpack(item.get(EVENTS).b().asByteArrayUnsafe());
        List<ItemEvent> events = new ArrayList<>(packed.size());
        for (int i = 0; i < packed.size(); i++) {
            PackedEvents.Packed event = packed.get(i);
            events.add(new ItemEvent(partition, position + i, stamp, event.indexInCommit(), type, aggregateId,
                    firstSeq + i, event.parts()));
        }
        return events;
    }

    /** The sequence number of an item's last event (its only one in the single-event layout). */
    static long lastSeqOf(Map<String, AttributeValue> item) {
        return item.containsKey(LAST_SEQ) ? longOf(item, LAST_SEQ) : longOf(item, SEQ);
    }

    /** The position of an item's last event in its partition. */
    static long lastPositionOf(Map<String, AttributeValue> item) {
        return positionOf(item) + lastSeqOf(item) - sequenceOf(item);
    }

    /** The identifier of an item's first event, or {@code null} when the item shows none. */
    static String firstEventIdOf(Map<String, AttributeValue> item) {
        if (item == null) {
            return null;
        }
        if (item.containsKey(EVENT_ID)) {
            return item.get(EVENT_ID).s();
        }
        if (item.containsKey(EVENTS) && item.containsKey(AGGREGATE_ID) && item.containsKey(SEQ)) {
            return eventsOf(item).get(0).parts().eventId();
        }
        return null;
    }

    private static StoredEvent.Parts parts(Map<String, AttributeValue> item) {
        return new StoredEvent.Parts(item.get(EVENT_ID).s(), Instant.parse(item.get(TIMESTAMP).s()),
                item.get(PAYLOAD_TYPE).s(), string(item, PAYLOAD_REVISION),
                item.get(PAYLOAD).b().asByteArray(), item.get(META_DATA).b().asByteArray());
    }

    static int partitionOf(Map<String, AttributeValue> item) {
        return (int) longOf(item, PARTITION);
    }

    static long positionOf(Map<String, AttributeValue> item) {
        return longOf(item, POSITION);
    }

    static long sequenceOf(Map<String, AttributeValue> item) {
        return longOf(item, SEQ);
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static long longOf(Map<String, AttributeValue> item, String attribute) {
        return Long.parseLong(item.get(attribute).n());
    }

    private static long longOrZero(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? 0 : Long.parseLong(value.n());
    }

    private static String string(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? null : value.s();
    }
}
