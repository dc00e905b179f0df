package com.boxoffice.axon.kinesis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.kinesis.waiters.KinesisWaiter;

import java.time.Duration;

/**
 * Makes sure the stream exists and is ACTIVE before the first {@code PutRecords}: creates it when missing (if allowed)
 * and waits with a 100 ms fixed backoff (the SDK's waiter default polls every 10 s, which an emulator does not need).
 * Idempotent and cheap once the stream was seen ACTIVE.
 */
public final class KinesisStreamProvisioner {

    private static final Logger log = LoggerFactory.getLogger(KinesisStreamProvisioner.class);

    private final KinesisClient client;
    private final String streamName;
    private final boolean create;
    private final int shardCount;
    private volatile boolean active;

    public KinesisStreamProvisioner(KinesisClient client, String streamName, boolean create, int shardCount) {
        this.client = client;
        this.streamName = streamName;
        this.create = create;
        this.shardCount = shardCount;
    }

    /** Returns when the stream is ACTIVE; throws what Kinesis answered otherwise (the caller retries). */
    public void ensureActive() {
        if (active) {
            return;
        }
        StreamStatus status;
        try {
            status = client.describeStreamSummary(r -> r.streamName(streamName)).streamDescriptionSummary().streamStatus();
        } catch (ResourceNotFoundException missing) {
            if (!create) {
                throw new KinesisPublishException("Kinesis stream " + streamName + " does not exist and "
                        + "boxoffice.kinesis.create-stream is false", missing);
            }
            try {
                client.createStream(r -> r.streamName(streamName).shardCount(shardCount));
                log.info("Created Kinesis stream {} with {} shards", streamName, shardCount);
            } catch (ResourceInUseException createdMeanwhile) {
                log.debug("Kinesis stream {} was created by someone else meanwhile", streamName);
            }
            status = StreamStatus.CREATING;
        }
        if (status != StreamStatus.ACTIVE) {
            try (KinesisWaiter waiter = KinesisWaiter.builder().client(client)
                    .overrideConfiguration(WaiterOverrideConfiguration.builder()
                            .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100)))
                            .waitTimeout(Duration.ofMinutes(5))
                            .maxAttempts(3000)
                            .build())
                    .build()) {
                waiter.waitUntilStreamExists(r -> r.streamName(streamName)).matched().exception().ifPresent(e -> {
                    throw new KinesisPublishException("Kinesis stream " + streamName + " did not become ACTIVE", e);
                });
            }
        }
        active = true;
    }

    /** Forget that the stream was seen, e.g. after Kinesis said it is gone. */
    public void invalidate() {
        active = false;
    }

    public String streamName() {
        return streamName;
    }
}
