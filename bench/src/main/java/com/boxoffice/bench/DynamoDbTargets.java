package com.boxoffice.bench;

import com.boxoffice.axon.springboot.dynamodb.DynamoDbClients;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbConnection;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbMode;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbProperties;
import com.boxoffice.localaws.EmbeddedDynamoDb;
import com.boxoffice.axon.dynamodb.schema.TableCreator;
import com.boxoffice.axon.dynamodb.eventstore.DynamoDbEventStorageEngine;
import com.boxoffice.axon.dynamodb.eventstore.EventTables;
import org.axonframework.serialization.Serializer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** The DynamoDB engine on an in-memory DynamoDB Local in this JVM, metered by {@link CapacityMeter}. */
final class DynamoDbTargets {

    private final Serializer serializer;
    private final EmbeddedDynamoDb server = EmbeddedDynamoDb.startInMemory();
    private final AtomicInteger stores = new AtomicInteger();

    DynamoDbTargets(Serializer serializer) {
        this.serializer = serializer;
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }

    Target create() {
        CapacityMeter meter = new CapacityMeter(Set.of("partition", "position"));
        DynamoDbConnection connection = DynamoDbConnection.open(new DynamoDbProperties(DynamoDbMode.ENDPOINT,
                server.endpoint(), "us-east-1", "", new DynamoDbProperties.Embedded(null, 0, true), true));
        DynamoDbClient client = DynamoDbClients.create(connection, builder -> builder.overrideConfiguration(
                builder.overrideConfiguration().toBuilder().addExecutionInterceptor(meter).build()));
        EventTables tables = EventTables.withPrefix("bench" + stores.incrementAndGet() + "-");
        new TableCreator(client).createMissing(tables.specs());
        DynamoDbEventStorageEngine engine = DynamoDbEventStorageEngine.builder()
                .client(client)
                .tables(tables)
                .partitions(16)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        return new Target("DynamoDB engine (DynamoDB Local, 16 partitions)", engine, () -> meter.snapshot().requests(), meter, client::close);
    }
}
