package com.boxoffice.app.process;

import com.boxoffice.axon.springboot.dynamodb.DynamoDbClients;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbConnection;
import com.boxoffice.axon.dynamodb.eventstore.DynamoDbEventStorageEngine;
import com.boxoffice.axon.dynamodb.eventstore.EventTables;
import com.boxoffice.axon.dynamodb.serialization.TrackingTokenTyping;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbProperties;
import com.boxoffice.testing.LocalDynamoDb;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

/**
 * Reads the event store the application processes write (the shared DynamoDB Local, one table prefix) straight from
 * the tables, strongly consistent: what is stored, whatever the projections show yet. For tests that must know where
 * a process stands (mid-checkout, say) before they act.
 */
final class EventStoreReader implements AutoCloseable {

    private final DynamoDbClient client;
    private final DynamoDbEventStorageEngine engine;
    private final EventTables tables;

    EventStoreReader(String tablePrefix) {
        Serializer serializer = Jackson3Serializer.builder().jsonMapperBuilderCustomizer(TrackingTokenTyping.customizer()).build();
        client = DynamoDbClients.create(DynamoDbConnection.open(DynamoDbProperties.ofEndpoint(LocalDynamoDb.endpoint(), tablePrefix)));
        // 16 partitions: the application's default, fixed for the life of the tables.
        tables = EventTables.withPrefix(tablePrefix);
        engine = DynamoDbEventStorageEngine.builder().client(client).tables(tables)
                .partitions(16).eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    /** The payloads of one aggregate's events, in sequence order. */
    List<Object> payloads(String aggregateId) {
        return engine.readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }

    /** The payloads of that type among one aggregate's events. */
    <T> List<T> payloads(String aggregateId, Class<T> type) {
        return payloads(aggregateId).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * The payloads of that type among the events of every order's reservation of a concert (each is an aggregate of its
     * own, {@code <concertId>/<orderId>}), found by a scan of the events table: test tables are small.
     */
    <T> List<T> reservationPayloads(String concertId, Class<T> type) {
        return client.scanPaginator(scan -> scan.tableName(tables.events()).consistentRead(true)
                        .filterExpression("begins_with(aggregateId, :concert) AND seq = :first")
                        .expressionAttributeValues(Map.of(":concert", AttributeValue.fromS(concertId + "/"),
                                ":first", AttributeValue.fromN("0"))))
                .items().stream().map(item -> item.get("aggregateId").s()).distinct()
                .flatMap(hold -> payloads(hold, type).stream()).toList();
    }

    @Override
    public void close() {
        client.close();
    }
}
