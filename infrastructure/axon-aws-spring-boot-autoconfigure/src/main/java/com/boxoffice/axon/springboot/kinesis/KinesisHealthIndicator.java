package com.boxoffice.axon.springboot.kinesis;

import com.boxoffice.axon.kinesis.PublishLag;
import com.boxoffice.axon.kinesis.PublishStatus;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code kinesis} health: UP while publishing works, with the lag as details. While the stream cannot be reached
 * (the publisher is failing, or an idle publisher's probe fails) it reports the configured status, {@code UNKNOWN} by
 * default: the shop keeps taking orders during a Kinesis outage (commands only need the event store), so Kinesis
 * must not turn the application's aggregate health DOWN and get it restarted or taken out of a load balancer; the
 * detail says what is wrong, and a health group that includes only {@code kinesis} with
 * {@code unreachable-status=OUT_OF_SERVICE} can alert on it.
 */
public final class KinesisHealthIndicator extends AbstractHealthIndicator {

    private final KinesisClient client;
    private final String streamName;
    private final PublishStatus status;
    private final PublishLag lag;
    private final Status unreachable;
    private final Duration probeInterval;
    private final Clock clock;
    private volatile Instant lastProbe = Instant.EPOCH;
    private volatile String probeError;

    public KinesisHealthIndicator(KinesisClient client, String streamName, PublishStatus status, PublishLag lag,
                                  Status unreachable, Duration probeInterval) {
        super("Kinesis health check failed");
        this.client = client;
        this.streamName = streamName;
        this.status = status;
        this.lag = lag;
        this.unreachable = unreachable;
        this.probeInterval = probeInterval;
        this.clock = Clock.systemUTC();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("stream", streamName);
        lag.eventsBehind().ifPresent(events -> builder.withDetail("lagEvents", events));
        lag.secondsBehind().ifPresent(seconds -> builder.withDetail("lagSeconds", seconds));
        builder.withDetail("publishedRecords", status.publishedRecords());
        status.lastSuccess().ifPresent(time -> builder.withDetail("lastAccepted", time.toString()));
        if (status.unreachableSince().isPresent()) {
            builder.status(unreachable)
                    .withDetail("unreachableSince", status.unreachableSince().get().toString())
                    .withDetail("error", status.lastError().orElse("unknown"));
            return;
        }
        // Partial failures (some records throttled) are retried in order; Kinesis itself works.
        status.failingSince().ifPresent(since -> builder.withDetail("retryingSince", since.toString())
                .withDetail("lastError", status.lastError().orElse("unknown")));
        // A publish that Kinesis accepted after the last probe answers the question better than that probe did.
        if (status.lastSuccess().filter(accepted -> accepted.isAfter(lastProbe)).isPresent()) {
            probeError = null;
        }
        String problem = probe();
        if (problem != null) {
            builder.status(unreachable).withDetail("error", problem);
        } else {
            builder.up();
        }
    }

    /** Asks Kinesis about the stream at most once per probe interval; null when it is there. */
    private String probe() {
        Instant now = clock.instant();
        if (Duration.between(lastProbe, now).compareTo(probeInterval) >= 0) {
            try {
                client.describeStreamSummary(r -> r.streamName(streamName));
                probeError = null;
            } catch (RuntimeException e) {
                probeError = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            lastProbe = now;
        }
        return probeError;
    }
}
