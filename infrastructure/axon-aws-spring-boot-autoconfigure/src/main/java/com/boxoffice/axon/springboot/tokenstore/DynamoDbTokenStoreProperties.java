package com.boxoffice.axon.springboot.tokenstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The DynamoDB token store of the application's streaming processors.
 *
 * @param table        table name, after {@code boxoffice.dynamodb.table-prefix}
 * @param claimTimeout how long a claim holds without extension; a dead instance's segments move to another after this
 *                     plus the processor's token claim interval. An idle pooled processor with Axon's defaults extends
 *                     its claims up to 10 s apart (claim interval 5 s + extension threshold 5 s), so keep this above
 *                     that; 15 s leaves 5 s for GC pauses, slow requests and clock differences between instances
 * @param owner        this instance's name in claims; unset means the JVM's {@code pid@host} plus a random suffix.
 *                     Must be unique per running instance: two instances with one name would both process a segment
 */
@ConfigurationProperties("boxoffice.tokenstore")
public record DynamoDbTokenStoreProperties(
        @DefaultValue("tokens") String table,
        @DefaultValue("15s") Duration claimTimeout,
        String owner) {
}
