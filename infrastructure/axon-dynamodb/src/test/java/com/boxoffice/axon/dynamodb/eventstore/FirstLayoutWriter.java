package com.boxoffice.axon.dynamodb.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes events exactly as the first version of the engine stored them: one item per event, its parts in named
 * attributes, and the head moved in the same transaction. Spelled out here, attribute by attribute, and not built from
 * the engine's code, so that the fixture stays what existing tables hold whatever the engine becomes. One writer, no
 * races: it keeps the heads it moved itself.
 */
final class FirstLayoutWriter {

    private final DynamoDbClient client;
    private final EventTables tables;
    private final LogPartitioner partitioner;
    private final Serializer serializer;
    private final Map<Integer, Long> heads = new HashMap<>();
    private long stamp = 1_000_000;

    FirstLayoutWriter(DynamoDbClient client, EventTables tables, int partitions, Serializer serializer) {
        this.client = client;
        this.tables = tables;
        this.partitioner = new LogPartitioner(partitions, PartitionKey.WHOLE_ID);
        this.serializer = serializer;
    }

    void commit(List<? extends EventMessage<?>> events) {
        List<TransactWriteItem> puts = new ArrayList<>();
        Map<Integer, Long> moved = new HashMap<>();
        stamp++;
        for (int index = 0; index < events.size(); index++) {
            EventMessage<?> event = events.get(index);
            boolean domain = event instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null;
            String aggregateId = domain ? ((DomainEventMessage<?>) event).getAggregateIdentifier() : event.getIdentifier();
            long seq = domain ? ((DomainEventMessage<?>) event).getSequenceNumber() : 0;
            int partition = partitioner.partitionOf(aggregateId);
            long position = moved.getOrDefault(partition, heads.getOrDefault(partition, 0L)) + 1;
            moved.put(partition, position);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("aggregateId", AttributeValue.fromS(aggregateId));
            item.put("seq", AttributeValue.fromN(Long.toString(seq)));
            if (domain) {
                item.put("aggregateType", AttributeValue.fromS(((DomainEventMessage<?>) event).getType()));
            }
            item.put("eventId", AttributeValue.fromS(event.getIdentifier()));
            item.put("payloadType", AttributeValue.fromS(payload.getType().getName()));
            if (payload.getType().getRevision() != null) {
                item.put("payloadRevision", AttributeValue.fromS(payload.getType().getRevision()));
            }
            item.put("payload", AttributeValue.fromB(SdkBytes.fromByteArray(payload.getData())));
            item.put("metaData", AttributeValue.fromB(SdkBytes.fromByteArray(metaData.getData())));
            item.put("timestamp", AttributeValue.fromS(event.getTimestamp().toString()));
            item.put("timestampMs", AttributeValue.fromN(Long.toString(event.getTimestamp().toEpochMilli())));
            item.put("partition", AttributeValue.fromN(Integer.toString(partition)));
            item.put("position", AttributeValue.fromN(Long.toString(position)));
            item.put("commitStamp", AttributeValue.fromN(Long.toString(stamp)));
            item.put("commitIndex", AttributeValue.fromN(Integer.toString(index)));
            puts.add(TransactWriteItem.builder().put(Put.builder().tableName(tables.events()).item(item)
                    .conditionExpression("attribute_not_exists(aggregateId)").build()).build());
        }
        List<TransactWriteItem> all = new ArrayList<>();
        moved.forEach((partition, next) -> {
            long base = heads.getOrDefault(partition, 0L);
            Update.Builder update = Update.builder().tableName(tables.heads())
                    .key(Map.of("partition", AttributeValue.fromN(Integer.toString(partition))))
                    .updateExpression("SET pos = :next");
            if (base == 0) {
                update.conditionExpression("attribute_not_exists(pos)")
                        .expressionAttributeValues(Map.of(":next", AttributeValue.fromN(Long.toString(next))));
            } else {
                update.conditionExpression("pos = :base")
                        .expressionAttributeValues(Map.of(":next", AttributeValue.fromN(Long.toString(next)),
                                ":base", AttributeValue.fromN(Long.toString(base))));
            }
            all.add(TransactWriteItem.builder().update(update.build()).build());
        });
        all.addAll(puts);
        client.transactWriteItems(r -> r.transactItems(all));
        heads.putAll(moved);
    }
}
