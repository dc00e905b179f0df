package com.boxoffice.axon.springboot.dynamodb;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where DynamoDB is and how tables are named.
 *
 * @param mode        where DynamoDB is; {@code AUTO} picks the first that applies of endpoint, AWS, embedded
 * @param endpoint    an explicit endpoint, e.g. {@code http://localhost:8000}
 * @param region      the signing region; unset means the SDK's region chain in AWS mode and {@code us-east-1} otherwise
 * @param tablePrefix prepended to every table name, so that several environments share an account
 * @param embedded    the embedded DynamoDB Local
 * @param createTables whether missing tables are created at start-up; off where a deployment owns them, which makes a
 *                    missing table stop the start instead
 */
@ConfigurationProperties("boxoffice.dynamodb")
public record DynamoDbProperties(
        @DefaultValue("AUTO") DynamoDbMode mode,
        URI endpoint,
        String region,
        @DefaultValue("boxoffice-") String tablePrefix,
        @DefaultValue Embedded embedded,
        @DefaultValue("true") boolean createTables) {

    /**
     * @param dataDir  where the embedded database keeps its file, so a restart keeps the events
     * @param port     the port, 0 for a free one
     * @param inMemory keep nothing on disk (tests)
     */
    public record Embedded(@DefaultValue("./data") Path dataDir, @DefaultValue("0") int port, boolean inMemory) {
    }

    /** Properties of a DynamoDB (Local) reached at {@code endpoint} in {@code ENDPOINT} mode, tables under {@code tablePrefix}. */
    public static DynamoDbProperties ofEndpoint(URI endpoint, String tablePrefix) {
        return new DynamoDbProperties(DynamoDbMode.ENDPOINT, endpoint, "us-east-1", tablePrefix,
                new Embedded(null, 0, true), true);
    }

    /** The full name of a table: the prefix and the table's own name. */
    public String tableName(String name) {
        return tablePrefix + name;
    }
}
