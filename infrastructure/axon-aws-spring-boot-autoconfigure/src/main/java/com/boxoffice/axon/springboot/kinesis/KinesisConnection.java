package com.boxoffice.axon.springboot.kinesis;

import com.boxoffice.localaws.LocalKinesisEmulator;

import com.boxoffice.axon.springboot.aws.AwsCredentialsChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;

import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The resolved answer to "where is Kinesis" (mode, endpoint, region, credentials), owning the emulator process in
 * {@code EMULATOR} mode. Credentials follow the project's rule ({@link AwsCredentialsChoice}).
 * <p>
 * In {@code EMULATOR} mode, opening never fails because the emulator cannot run (Node.js missing, no package): the
 * connection then points at the emulator's endpoint with nothing listening, {@link #emulatorProblem()} says why, and
 * {@link LocalKinesisEmulator} has logged that once, as a warning naming what to install. Nothing here logs it again.
 */
public final class KinesisConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KinesisConnection.class);

    private final KinesisMode mode;
    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final LocalKinesisEmulator emulator;

    private KinesisConnection(KinesisMode mode, URI endpoint, Region region, AwsCredentialsProvider credentials,
                              LocalKinesisEmulator emulator) {
        this.mode = mode;
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.emulator = emulator;
    }

    public static KinesisConnection open(KinesisProperties properties) {
        AwsCredentialsChoice credentials = AwsCredentialsChoice.ofThisProcess();
        KinesisMode mode = properties.resolvedMode(credentials.credentialsConfigured());
        Region configured = properties.region() == null || properties.region().isBlank()
                ? null : Region.of(properties.region());
        Region local = configured == null ? KinesisClients.LOCAL_REGION : configured;
        return switch (mode) {
            case EMULATOR -> {
                KinesisProperties.Emulator settings = properties.emulator();
                LocalKinesisEmulator emulator = settings.dir() != null
                        ? LocalKinesisEmulator.start(settings.dir(), settings.port(), settings.dataDir())
                        : LocalKinesisEmulator.startBundled(settings.workDir(), settings.port(), settings.dataDir());
                // The reason was logged once, as a warning, by the emulator; this line only says where.
                log.info("Kinesis mode EMULATOR: {}{}", emulator.endpoint(),
                        emulator.problem().isPresent() ? " (emulator not running)" : "");
                yield new KinesisConnection(mode, emulator.endpoint(), local, credentials.forLocalEmulator(), emulator);
            }
            case ENDPOINT -> {
                if (properties.endpoint() == null) {
                    throw new IllegalStateException("boxoffice.kinesis.mode=ENDPOINT needs boxoffice.kinesis.endpoint");
                }
                log.info("Kinesis mode ENDPOINT: {}", properties.endpoint());
                yield new KinesisConnection(mode, properties.endpoint(), local, credentials.forEndpoint(), null);
            }
            case AWS -> {
                log.info("Kinesis mode AWS: region {}", configured == null ? "from the SDK's region chain" : configured);
                yield new KinesisConnection(mode, null, configured, credentials.forAws(), null);
            }
            case AUTO -> throw new IllegalStateException("unresolved Kinesis mode");
        };
    }

    /** A connection to an endpoint with dummy credentials, e.g. an emulator a test started. */
    public static KinesisConnection ofEndpoint(URI endpoint) {
        return new KinesisConnection(KinesisMode.ENDPOINT, endpoint, KinesisClients.LOCAL_REGION,
                AwsCredentialsChoice.ofThisProcess().forLocalEmulator(), null);
    }

    public KinesisClient newClient() {
        return newClient(builder -> {
        });
    }

    public KinesisClient newClient(Consumer<KinesisClientBuilder> customizer) {
        return KinesisClients.create(endpoint, region, credentials, customizer);
    }

    public KinesisMode mode() {
        return mode;
    }

    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** The emulator this connection started in {@code EMULATOR} mode, running or not; empty in the other modes. */
    public Optional<LocalKinesisEmulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    /**
     * Why the emulator of {@code EMULATOR} mode could not be started (e.g. Node.js is not on the PATH), for health and
     * operators; empty when it was started and in the other modes. Fixed when the connection is opened: an emulator
     * someone starts at {@link #endpoint()} later is used by the clients, but does not clear this.
     */
    public Optional<String> emulatorProblem() {
        // Touches LocalKinesisEmulator only when there is one, so the other modes run without local-aws.
        return emulator == null ? Optional.empty() : emulator.problem();
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
