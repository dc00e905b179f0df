package com.boxoffice.testing;

import com.boxoffice.localaws.LocalKinesisEmulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;

import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * kinesis-local for tests: one shared in-memory emulator per test JVM (streams isolate tests), or a private one a test
 * can stop and restart. It is the emulator local-aws carries, unpacked under the JVM's temporary folder; without
 * Node.js every test using this fails with a message saying so.
 */
public final class KinesisEmulator {

    private static final Path WORK_DIR = Path.of(System.getProperty("java.io.tmpdir"), "boxoffice-test-kinesis-local");
    private static LocalKinesisEmulator shared;

    private KinesisEmulator() {
    }

    /** The shared emulator's endpoint, starting it on first use. */
    public static synchronized URI endpoint() {
        if (shared == null) {
            // Stopped by the emulator's own shutdown hook when the test JVM exits.
            shared = startPrivate(null);
        }
        return shared.endpoint();
    }

    /** An emulator of the caller's own (close it); with a data folder its streams survive {@code restart()}. */
    public static LocalKinesisEmulator startPrivate(Path dataDir) {
        LocalKinesisEmulator emulator = LocalKinesisEmulator.startBundled(WORK_DIR, 0, dataDir);
        emulator.problem().ifPresent(problem -> {
            throw new IllegalStateException("Kinesis emulator tests need kinesis-local: " + problem);
        });
        return emulator;
    }

    /** A new client of the shared emulator. Close it when done. */
    public static KinesisClient newClient() {
        return newClient(endpoint(), builder -> {
        });
    }

    /** A new client of the emulator at {@code endpoint}; {@code customizer} adjusts the builder last. */
    public static KinesisClient newClient(URI endpoint, Consumer<KinesisClientBuilder> customizer) {
        KinesisClientBuilder builder = KinesisClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "local")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(16));
        customizer.accept(builder);
        return builder.build();
    }

    /** A stream name no other test uses. */
    public static String uniqueStreamName() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
