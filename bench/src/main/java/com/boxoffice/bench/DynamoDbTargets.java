package com.boxoffice.bench;

import com.boxoffice.axon.springboot.dynamodb.DynamoDbClients;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbConnection;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbMode;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbProperties;
import com.boxoffice.localaws.EmbeddedDynamoDb;
import com.boxoffice.axon.dynamodb.schema.TableCreator;
import com.boxoffice.axon.dynamodb.eventstore.DynamoDbEventStorageEngine;
import com.boxoffice.axon.dynamodb.eventstore.EventStoreObserver;
import com.boxoffice.axon.dynamodb.eventstore.EventTables;
import org.axonframework.serialization.Serializer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The DynamoDB engine on an in-memory DynamoDB Local in this JVM, metered by {@link CapacityMeter}. */
final class DynamoDbTargets {

    private static final int PARTITIONS = 16;

    private final Serializer serializer;
    private final EmbeddedDynamoDb server = EmbeddedDynamoDb.startInMemory();
    private final AtomicInteger stores = new AtomicInteger();

    DynamoDbTargets(Serializer serializer) {
        this.serializer = serializer;
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }

    /** @param compress whether the engine deflates commit items' events (its default) */
    Target create(boolean compress) {
        CapacityMeter meter = new CapacityMeter(Set.of("partition", "position"));
        DynamoDbConnection connection = DynamoDbConnection.open(new DynamoDbProperties(DynamoDbMode.ENDPOINT,
                server.endpoint(), "us-east-1", "", new DynamoDbProperties.Embedded(null, 0, true), true));
        DynamoDbClient client = DynamoDbClients.create(connection, builder -> builder.overrideConfiguration(
                builder.overrideConfiguration().toBuilder().addExecutionInterceptor(meter).build()));
        EventTables tables = EventTables.withPrefix("bench" + stores.incrementAndGet() + "-");
        new TableCreator(client).createMissing(tables.specs());
        AtomicLong conflicts = new AtomicLong();
        DynamoDbEventStorageEngine engine = DynamoDbEventStorageEngine.builder()
                .client(client)
                .tables(tables)
                .partitions(PARTITIONS)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .compressEvents(compress)
                .observer(new EventStoreObserver() {
                    @Override
                    public void onAppend(Duration duration, AppendOutcome outcome) {
                    }

                    @Override
                    public void onHeadConflict() {
                        conflicts.incrementAndGet();
                    }
                })
                .build();
        return new Target("DynamoDB engine (DynamoDB Local, 16 partitions" + (compress ? ")" : ", uncompressed)"), engine, () -> meter.snapshot().requests(),
                meter, client::close, conflicts::get, () -> rawRead(client, tables));
    }

    /** Every partition of the stream index, page after page, as a reader without the engine would. */
    private static long[] rawRead(DynamoDbClient client, EventTables tables) {
        long items = 0;
        long events = 0;
        for (int p = 0; p < PARTITIONS; p++) {
            int partition = p;
            for (QueryResponse page : client.queryPaginator(r -> r.tableName(tables.events()).indexName(EventTables.STREAM_INDEX)
                    .keyConditionExpression("#p = :p")
                    .expressionAttributeNames(Map.of("#p", "partition"))
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromN(Integer.toString(partition)))))) {
                for (Map<String, AttributeValue> item : page.items()) {
                    items++;
                    AttributeValue last = item.get("lastSeq");
                    events += last == null ? 1 : Long.parseLong(last.n()) - Long.parseLong(item.get("seq").n()) + 1;
                }
            }
        }
        return new long[]{items, events};
    }
}
