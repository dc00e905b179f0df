package com.boxoffice.infrastructure.tokenstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The DynamoDB token store of the application's streaming processors.
 *
 * @param table        table name, after {@code boxoffice.dynamodb.table-prefix}
 * @param claimTimeout how long a claim holds without extension; a dead instance's segments move after this.
 *                     Axon's processors extend their claims well within it (every few seconds), so 10 s tolerates a
 *                     long GC pause yet hands a dead instance's segments over within seconds
 * @param owner        this instance's name in claims; unset means the JVM's {@code pid@host}
 */
@ConfigurationProperties("boxoffice.tokenstore")
public record DynamoDbTokenStoreProperties(
        @DefaultValue("tokens") String table,
        @DefaultValue("10s") Duration claimTimeout,
        String owner) {
}
