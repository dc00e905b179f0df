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

import java.util.List;

/**
 * Reads the event store the application processes write (the shared DynamoDB Local, one table prefix) straight from
 * the tables, strongly consistent: what is stored, whatever the projections show yet. For tests that must know where
 * a process stands (mid-checkout, say) before they act.
 */
final class EventStoreReader implements AutoCloseable {

    private final DynamoDbClient client;
    private final DynamoDbEventStorageEngine engine;

    EventStoreReader(String tablePrefix) {
        Serializer serializer = Jackson3Serializer.builder().jsonMapperBuilderCustomizer(TrackingTokenTyping.customizer()).build();
        client = DynamoDbClients.create(DynamoDbConnection.open(DynamoDbProperties.ofEndpoint(LocalDynamoDb.endpoint(), tablePrefix)));
        // 16 partitions: the application's default, fixed for the life of the tables.
        engine = DynamoDbEventStorageEngine.builder().client(client).tables(EventTables.withPrefix(tablePrefix))
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

    @Override
    public void close() {
        client.close();
    }
}
