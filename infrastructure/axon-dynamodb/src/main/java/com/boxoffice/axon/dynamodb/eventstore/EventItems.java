package com.boxoffice.axon.dynamodb.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static com.boxoffice.axon.dynamodb.eventstore.EventTables.AGGREGATE_ID;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.AGGREGATE_TYPE;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.EVENT_ID;
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

    /** The item without its log coordinates (partition, position), which the commit assigns. */
    static Map<String, AttributeValue> toItem(EventMessage<?> event, Serializer serializer) {
        Key key = keyOf(event);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AGGREGATE_ID, AttributeValue.fromS(key.aggregateId()));
        item.put(SEQ, number(key.sequence()));
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null && domain.getType() != null) {
            item.put(AGGREGATE_TYPE, AttributeValue.fromS(domain.getType()));
        }
        putMessage(item, event, serializer);
        return item;
    }

    static Map<String, AttributeValue> toSnapshotItem(DomainEventMessage<?> snapshot, Serializer serializer) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AGGREGATE_ID, AttributeValue.fromS(snapshot.getAggregateIdentifier()));
        item.put(SEQ, number(snapshot.getSequenceNumber()));
        if (snapshot.getType() != null) {
            item.put(AGGREGATE_TYPE, AttributeValue.fromS(snapshot.getType()));
        }
        putMessage(item, snapshot, serializer);
        return item;
    }

    private static void putMessage(Map<String, AttributeValue> item, EventMessage<?> event, Serializer serializer) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        item.put(EVENT_ID, AttributeValue.fromS(event.getIdentifier()));
        item.put(PAYLOAD_TYPE, AttributeValue.fromS(payload.getType().getName()));
        if (payload.getType().getRevision() != null) {
            item.put(PAYLOAD_REVISION, AttributeValue.fromS(payload.getType().getRevision()));
        }
        item.put(PAYLOAD, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(payload.getData())));
        item.put(META_DATA, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(metaData.getData())));
        item.put(TIMESTAMP, AttributeValue.fromS(event.getTimestamp().toString()));
        item.put(TIMESTAMP_MS, number(event.getTimestamp().toEpochMilli()));
    }

    static DomainEventData<byte[]> toDomainEventData(Map<String, AttributeValue> item) {
        return new StoredEvent.Domain(string(item, AGGREGATE_TYPE), item.get(AGGREGATE_ID).s(), longOf(item, SEQ), parts(item));
    }

    static TrackedEventData<byte[]> toTrackedEventData(Map<String, AttributeValue> item, TrackingToken token) {
        if (!item.containsKey(AGGREGATE_TYPE)) {
            return new StoredEvent.Tracked(token, parts(item));
        }
        return new TrackedDomainEventData<>(token, toDomainEventData(item));
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

    static long timestampMsOf(Map<String, AttributeValue> item) {
        return longOf(item, TIMESTAMP_MS);
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

    private static String string(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? null : value.s();
    }
}
