package com.boxoffice.infrastructure.testing;

import com.boxoffice.infrastructure.kinesis.KinesisConnection;
import com.boxoffice.infrastructure.kinesis.KinesisStreamProvisioner;
import com.boxoffice.infrastructure.kinesis.LocalKinesisEmulator;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;

import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * kinesis-local for tests: one shared in-memory emulator per test JVM (streams isolate tests), or a private one a test
 * can stop and restart. Needs Node.js and {@code cd tools/kinesis-emulator && npm ci}; without them every test using
 * this fails with a message saying so. The emulator folder is found from the working directory upwards, or set with
 * the system property {@code boxoffice.kinesis.emulator.dir}.
 */
public final class KinesisEmulator {

    public static final String DIR_PROPERTY = "boxoffice.kinesis.emulator.dir";
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
        LocalKinesisEmulator emulator = LocalKinesisEmulator.start(emulatorDir(), 0, dataDir);
        emulator.problem().ifPresent(problem -> {
            throw new IllegalStateException("Kinesis emulator tests need kinesis-local: " + problem
                    + ". Install it with: cd tools/kinesis-emulator && npm ci");
        });
        return emulator;
    }

    private static Path emulatorDir() {
        return Path.of(System.getProperty(DIR_PROPERTY, "tools/kinesis-emulator"));
    }

    /** A new client of the shared emulator. Close it when done. */
    public static KinesisClient newClient() {
        return newClient(endpoint(), builder -> {
        });
    }

    public static KinesisClient newClient(URI endpoint, Consumer<KinesisClientBuilder> customizer) {
        return KinesisConnection.ofEndpoint(endpoint).newClient(customizer);
    }

    /** A stream name no other test uses. */
    public static String uniqueStreamName() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates the stream and waits until it is ACTIVE. */
    public static void createStream(KinesisClient client, String streamName, int shards) {
        new KinesisStreamProvisioner(client, streamName, true, shards).ensureActive();
    }
}
