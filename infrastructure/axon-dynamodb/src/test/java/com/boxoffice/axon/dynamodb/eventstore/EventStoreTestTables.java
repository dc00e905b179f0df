package com.boxoffice.axon.dynamodb.eventstore;

import com.boxoffice.axon.dynamodb.schema.TableCreator;
import com.boxoffice.testing.LocalDynamoDb;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Fresh event store tables on the test DynamoDB Local, under a prefix no other test uses. */
public final class EventStoreTestTables {

    private EventStoreTestTables() {
    }

    public static EventTables create(DynamoDbClient client) {
        EventTables tables = EventTables.withPrefix(LocalDynamoDb.uniquePrefix());
        new TableCreator(client).createMissing(tables.specs());
        return tables;
    }
}
