package com.boxoffice.app.events.dynamodb;

import com.boxoffice.app.events.EventEntry;
import com.boxoffice.axon.dynamodb.schema.TableSpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The event trail table: one item per event under its request ({@code request#<id>}) and one under its type, spread
 * over {@value #TYPE_SHARDS} partitions ({@code type#<type>#<shard>}) because a popular type would otherwise be one hot
 * partition. The sort key orders by time, then by aggregate and sequence, so a request's chain reads back in order
 * with one query. Items expire ({@value #EXPIRES_AT}): the trail is for looking back days, not years.
 */
final class EventTrailTable {

    static final String NAME = "event-trail";
    static final int TYPE_SHARDS = 8;

    static final String PK = "pk";
    static final String SK = "sk";
    static final String EVENT_ID = "eventId";
    static final String TYPE = "type";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String AGGREGATE_ID = "aggregateId";
    static final String SEQUENCE = "sequence";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD = "payload";
    /** Epoch seconds after which DynamoDB's time to live deletes the item. */
    static final String EXPIRES_AT = "expiresAt";

    /** Fixed width, so that the string order is the time order. */
    private static final DateTimeFormatter SORTABLE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private EventTrailTable() {
    }

    static TableSpec spec(String tableName) {
        return new TableSpec(tableName, CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName(PK).attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(SK).attributeType(ScalarAttributeType.S).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(SK).keyType(KeyType.RANGE).build())
                .build()).withTimeToLive(EXPIRES_AT);
    }

    static String requestKey(String requestId) {
        return "request#" + requestId;
    }

    static String typeKey(String type, int shard) {
        return "type#" + type + "#" + shard;
    }

    static int shardOf(EventEntry entry) {
        return Math.floorMod(entry.eventId().hashCode(), TYPE_SHARDS);
    }

    static String sortKey(EventEntry entry) {
        String time = SORTABLE_TIME.format(entry.timestamp());
        if (entry.aggregateId() != null && entry.sequence() != null) {
            return time + "#" + entry.aggregateId() + "#" + String.format("%019d", entry.sequence());
        }
        return time + "#" + entry.eventId();
    }
}
