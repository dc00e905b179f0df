package com.boxoffice.axon.kinesis;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the publisher last saw: when it last got records accepted, its current failure streak and the oldest event
 * it holds. Written by the publishing thread(s), read by health and metrics.
 */
public final class PublishStatus {

    private final Clock clock;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private volatile Instant lastSuccess;
    private volatile Instant lastPublishedEventTime;
    private volatile Instant oldestPendingEventTime;
    private volatile Instant failingSince;
    private volatile Instant unreachableSince;
    private volatile String lastError;

    public PublishStatus(Clock clock) {
        this.clock = clock;
    }

    public PublishStatus() {
        this(Clock.systemUTC());
    }

    void pending(Instant oldestEventTime) {
        Instant current = oldestPendingEventTime;
        if (current == null || oldestEventTime.isBefore(current)) {
            oldestPendingEventTime = oldestEventTime;
        }
    }

    void accepted(int records, Instant newestEventTime) {
        published.addAndGet(records);
        lastSuccess = clock.instant();
        unreachableSince = null;
        if (newestEventTime != null) {
            lastPublishedEventTime = newestEventTime;
        }
    }

    void batchDone() {
        oldestPendingEventTime = null;
        failingSince = null;
        unreachableSince = null;
        lastError = null;
    }

    /**
     * @param acceptedSome whether Kinesis took part of the request (throttling of some records: Kinesis works)
     */
    void failed(String error, boolean acceptedSome) {
        failedAttempts.incrementAndGet();
        Instant now = clock.instant();
        if (failingSince == null) {
            failingSince = now;
        }
        if (!acceptedSome && unreachableSince == null) {
            unreachableSince = now;
        }
        lastError = error;
    }

    /** Records accepted by Kinesis since start (retried and re-published ones count again). */
    public long publishedRecords() {
        return published.get();
    }

    /** Failed PutRecords attempts (whole or partial) since start. */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }

    /** Set while the current batch cannot be published, cleared when it was. */
    public Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince);
    }

    /** Set while attempts accept nothing at all (Kinesis down, stream missing, every record throttled). */
    public Optional<Instant> unreachableSince() {
        return Optional.ofNullable(unreachableSince);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<Instant> oldestPendingEventTime() {
        return Optional.ofNullable(oldestPendingEventTime);
    }

    public Optional<Instant> lastPublishedEventTime() {
        return Optional.ofNullable(lastPublishedEventTime);
    }

    Clock clock() {
        return clock;
    }
}
