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
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code kinesis} health: UP while publishing works, with the lag as details. While the stream cannot be reached
 * (the publisher is failing, or an idle publisher's probe fails) it reports the configured status, {@code UNKNOWN} by
 * default: the shop keeps taking orders during a Kinesis outage (commands only need the event store), so Kinesis
 * must not turn the application's aggregate health DOWN and get it restarted or taken out of a load balancer; the
 * detail says what is wrong, and a health group that includes only {@code kinesis} with
 * {@code unreachable-status=OUT_OF_SERVICE} can alert on it.
 * <p>
 * When the application was to start its own emulator and could not (see {@link KinesisConnection#emulatorProblem()},
 * e.g. Node.js is not on the PATH), every report with the unreachable status also carries that reason as the detail
 * {@code emulator}, beside the {@code error} of the last call. Should Kinesis answer at the endpoint anyway (someone
 * started an emulator there), the report is UP and without that detail.
 * <p>
 * A check logs nothing (a failed probe is an answer, not an exception): an outage is visible here and in the
 * publisher's own rate-limited warnings, and the emulator's start-up problem was logged once when the connection was
 * opened, so however often health is asked, nothing repeats it.
 */
public final class KinesisHealthIndicator extends AbstractHealthIndicator {

    private final KinesisClient client;
    private final String streamName;
    private final PublishStatus status;
    private final PublishLag lag;
    private final Status unreachable;
    private final Duration probeInterval;
    private final Supplier<Optional<String>> emulatorProblem;
    private final Clock clock;
    private volatile Instant lastProbe = Instant.EPOCH;
    private volatile String probeError;

    /** An indicator for a Kinesis the application did not try to start (an endpoint, AWS). */
    public KinesisHealthIndicator(KinesisClient client, String streamName, PublishStatus status, PublishLag lag,
                                  Status unreachable, Duration probeInterval) {
        this(client, streamName, status, lag, unreachable, probeInterval, Optional::empty);
    }

    /**
     * @param unreachable     the status while the stream cannot be reached
     * @param probeInterval   how often an idle publisher's health asks Kinesis whether the stream is there
     * @param emulatorProblem why the application's own emulator is not running, empty when it is or there is none
     *                        (e.g. {@link KinesisConnection#emulatorProblem()}); asked on every check
     */
    public KinesisHealthIndicator(KinesisClient client, String streamName, PublishStatus status, PublishLag lag,
                                  Status unreachable, Duration probeInterval,
                                  Supplier<Optional<String>> emulatorProblem) {
        super("Kinesis health check failed");
        this.client = client;
        this.streamName = streamName;
        this.status = status;
        this.lag = lag;
        this.unreachable = unreachable;
        this.probeInterval = probeInterval;
        this.emulatorProblem = emulatorProblem;
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
            builder.withDetail("unreachableSince", status.unreachableSince().get().toString());
            unreachable(builder, status.lastError().orElse("unknown"));
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
            unreachable(builder, problem);
        } else {
            builder.up();
        }
    }

    private void unreachable(Health.Builder builder, String error) {
        builder.status(unreachable).withDetail("error", error);
        emulatorProblem.get().ifPresent(reason -> builder.withDetail("emulator", reason));
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
