package com.boxoffice.testing;

import com.boxoffice.localaws.EmbeddedDynamoDb;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
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

    /** A new client for the shared test server. Close it when done. */
    public static DynamoDbClient newClient() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "local")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
                .build();
    }

    /** A table prefix no other test uses, e.g. {@code t3f2a9c1-}. */
    public static String uniquePrefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }
}
