package com.boxoffice.axon.springboot.kinesis;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/** Builds the synchronous Kinesis client, configured like the project's DynamoDB client. */
public final class KinesisClients {

    /** Region of emulators and endpoints when none is configured. */
    public static final Region LOCAL_REGION = Region.US_EAST_1;

    private KinesisClients() {
    }

    /**
     * @param endpoint    the endpoint override, null for AWS (resolved from the region)
     * @param region      the signing region, null for the SDK's region chain
     * @param customizer  adjusts the builder last, e.g. to add an {@code ExecutionInterceptor}
     */
    public static KinesisClient create(URI endpoint, Region region, AwsCredentialsProvider credentials,
                                       Consumer<KinesisClientBuilder> customizer) {
        KinesisClientBuilder builder = KinesisClient.builder()
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(16)
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(30)))
                // The publisher does its own ordered retries of partial failures; the SDK retries whole calls
                // (throttling, 5xx, connection errors) a few times with jittered backoff before the publisher sees them.
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(30))
                        .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (region != null) {
            builder.region(region);
        }
        customizer.accept(builder);
        return builder.build();
    }
}
