package com.boxoffice.axon.dynamodb.eventstore;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.List;
import java.util.Objects;

/**
 * The three tables of the event store and their attribute names.
 *
 * @param events    events: key (aggregateId, seq); GSI {@value #STREAM_INDEX} on (partition, position)
 * @param heads     one item per log partition holding its last position
 * @param snapshots one item per aggregate: its latest snapshot
 */
public record EventTables(String events, String heads, String snapshots) {

    public static final String STREAM_INDEX = "stream";

    static final String AGGREGATE_ID = "aggregateId";
    static final String SEQ = "seq";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String EVENT_ID = "eventId";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    static final String TIMESTAMP = "timestamp";
    static final String TIMESTAMP_MS = "timestampMs";
    /** Commit items (version 2): the sequence number of the item's last event, and its events packed. */
    static final String LAST_SEQ = "lastSeq";
    static final String EVENTS = "events";
    static final String PARTITION = "partition";
    static final String POSITION = "position";
    /** Orders delivery across partitions: the commit's stamp and the event's index in its commit. */
    static final String COMMIT_STAMP = "commitStamp";
    static final String COMMIT_INDEX = "commitIndex";
    /** Head items: the partition's last position. */
    static final String HEAD_POSITION = "pos";

    public EventTables {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(heads, "heads");
        Objects.requireNonNull(snapshots, "snapshots");
    }

    /** The default names under a prefix, e.g. {@code boxoffice-events}. */
    public static EventTables withPrefix(String prefix) {
        return new EventTables(prefix + "events", prefix + "event-heads", prefix + "snapshots");
    }

    public List<TableSpec> specs() {
        return List.of(eventsSpec(), headsSpec(), snapshotsSpec());
    }

    private TableSpec eventsSpec() {
        return new TableSpec(events, CreateTableRequest.builder()
                .tableName(events)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(AGGREGATE_ID, ScalarAttributeType.S), attribute(SEQ, ScalarAttributeType.N),
                        attribute(PARTITION, ScalarAttributeType.N), attribute(POSITION, ScalarAttributeType.N))
                .keySchema(key(AGGREGATE_ID, KeyType.HASH), key(SEQ, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(STREAM_INDEX)
                        .keySchema(key(PARTITION, KeyType.HASH), key(POSITION, KeyType.RANGE))
                        // ALL: the stream reader gets whole events from the index, no second read per event.
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .build());
    }

    private TableSpec headsSpec() {
        return new TableSpec(heads, CreateTableRequest.builder()
                .tableName(heads)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(PARTITION, ScalarAttributeType.N))
                .keySchema(key(PARTITION, KeyType.HASH))
                .build());
    }

    private TableSpec snapshotsSpec() {
        return new TableSpec(snapshots, CreateTableRequest.builder()
                .tableName(snapshots)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(AGGREGATE_ID, ScalarAttributeType.S))
                .keySchema(key(AGGREGATE_ID, KeyType.HASH))
                .build());
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
