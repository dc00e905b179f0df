package com.boxoffice.infrastructure.testing;

import com.boxoffice.infrastructure.dynamodb.DynamoDbClients;
import com.boxoffice.infrastructure.dynamodb.DynamoDbConnection;
import com.boxoffice.infrastructure.dynamodb.DynamoDbMode;
import com.boxoffice.infrastructure.dynamodb.DynamoDbProperties;
import com.boxoffice.infrastructure.dynamodb.EmbeddedDynamoDb;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.UUID;

/**
 * One in-memory DynamoDB Local per test JVM, started on first use and stopped when the JVM exits. Tests isolate
 * themselves by table prefix ({@link #uniquePrefix()}), not by server, because starting a server costs seconds.
 * <p>
 * Each call to {@link #newClient()} builds a separate SDK client, as a separate JVM would have.
 */
public final class LocalDynamoDb {

    private static EmbeddedDynamoDb server;

    private LocalDynamoDb() {
    }

    public static synchronized URI endpoint() {
        if (server == null) {
            server = EmbeddedDynamoDb.startInMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dynamodb-local-stop"));
        }
        return server.endpoint();
    }

    /** Properties pointing at the shared test server in ENDPOINT mode with the given table prefix. */
    public static DynamoDbProperties properties(String tablePrefix) {
        return new DynamoDbProperties(DynamoDbMode.ENDPOINT, endpoint(), "us-east-1", tablePrefix,
                new DynamoDbProperties.Embedded(null, 0, true));
    }

    /** A new client for the shared test server. Close it when done. */
    public static DynamoDbClient newClient() {
        return DynamoDbClients.create(DynamoDbConnection.open(properties("unused-")));
    }

    /** A table prefix no other test uses, e.g. {@code t3f2a9c1-}. */
    public static String uniquePrefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }
}
