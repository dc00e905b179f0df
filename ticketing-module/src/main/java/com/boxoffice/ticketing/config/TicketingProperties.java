package com.boxoffice.ticketing.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Ticketing's settings.
 *
 * @param commandTimeout how long a REST request waits for its command's events to be stored
 * @param conflictRetry  how commands that lose an optimistic-locking race are retried
 * @param snapshotEvery  a concert is snapshotted once this many events were sourced or applied since its last
 *                       snapshot, so that loading it never reads more than about this many events
 */
@ConfigurationProperties("boxoffice.ticketing")
public record TicketingProperties(@DefaultValue("10s") Duration commandTimeout,
                                  @DefaultValue ConflictRetry conflictRetry,
                                  @DefaultValue("250") int snapshotEvery) {

    /**
     * @param maxRetries how often a command is retried after a conflict before the conflict is answered (409)
     * @param baseDelay  the delay ceiling of the first retry, doubled for each further retry (full jitter)
     * @param maxDelay   the largest delay ceiling
     */
    public record ConflictRetry(@DefaultValue("10") int maxRetries, @DefaultValue("10ms") Duration baseDelay,
                                @DefaultValue("500ms") Duration maxDelay) {
    }
}
