package com.boxoffice.axon.dynamodb.eventstore;

import com.boxoffice.testing.LocalDynamoDb;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngineTest;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.function.UnaryOperator;

/**
 * Axon's own storage-engine conformance suite ({@code EventStorageEngineTest}, {@code AbstractEventStorageEngineTest},
 * {@code BatchingEventStorageEngineTest} from axon-eventsourcing 4.13.0's test jar), run against the DynamoDB engine
 * on DynamoDB Local: every inherited test, none overridden. The batch size is set to 50 (see below).
 */
class DynamoDbEventStorageEngineConformanceTest
        extends BatchingEventStorageEngineTest<DynamoDbEventStorageEngine, DynamoDbEventStorageEngine.Builder> {

    private static DynamoDbClient client;
    private final Serializer serializer = Jackson3Serializer.builder().build();
    private EventTables tables;

    @BeforeAll
    static void connect() {
        client = LocalDynamoDb.newClient();
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshTables() {
        tables = EventStoreTestTables.create(client);
        setTestSubject(createEngine());
    }

    @Override
    protected DynamoDbEventStorageEngine createEngine(UnaryOperator<DynamoDbEventStorageEngine.Builder> customization) {
        DynamoDbEventStorageEngine.Builder builder = DynamoDbEventStorageEngine.builder()
                .client(client)
                .tables(tables)
                .partitions(4)
                // The batching tests append batchSize + 10 events in ONE commit; a DynamoDB transaction holds at most
                // 100 items (one is the partition head), so the batch is 50 here: 60-event commits, still 2+ batches.
                .batchSize(50)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer);
        return customization.apply(builder).build();
    }
}
