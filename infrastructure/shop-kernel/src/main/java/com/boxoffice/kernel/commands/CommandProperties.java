package com.boxoffice.kernel.commands;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the application's command gateway retries a command that lost an optimistic-locking race
 * ({@code boxoffice.commands.conflict-retry.*}).
 *
 * @param conflictRetry how commands that lose an optimistic-locking race are retried
 */
@ConfigurationProperties("boxoffice.commands")
public record CommandProperties(@DefaultValue ConflictRetry conflictRetry) {

    /**
     * @param maxRetries how often a command is retried after a conflict before the conflict is answered (409)
     * @param baseDelay  the delay ceiling of the first retry, doubled for each further retry (full jitter)
     * @param maxDelay   the largest delay ceiling
     */
    public record ConflictRetry(@DefaultValue("10") int maxRetries, @DefaultValue("10ms") Duration baseDelay,
                                @DefaultValue("500ms") Duration maxDelay) {
    }
}
