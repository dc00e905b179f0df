package com.boxoffice.axon.springboot.dynamodb;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.time.Duration;
import java.util.function.Consumer;

/** Builds the synchronous DynamoDB client for a {@link DynamoDbConnection}. */
public final class DynamoDbClients {

    private DynamoDbClients() {
    }

    public static DynamoDbClient create(DynamoDbConnection connection) {
        return create(connection, builder -> {
        });
    }

    /**
     * @param customizer adjusts the builder last, e.g. to add an {@code ExecutionInterceptor} that meters requests
     */
    public static DynamoDbClient create(DynamoDbConnection connection, Consumer<DynamoDbClientBuilder> customizer) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .credentialsProvider(connection.credentials())
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(64)
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(30)))
                // STANDARD retries throttling and 5xx with jittered exponential backoff; callers see the last error.
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(60))
                        .build());
        connection.endpoint().ifPresent(builder::endpointOverride);
        connection.region().ifPresent(builder::region);
        customizer.accept(builder);
        return builder.build();
    }
}
