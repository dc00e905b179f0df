package com.boxoffice.kernel.commands;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.AbstractRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.time.Duration;
import java.util.List;

import static org.axonframework.common.BuilderUtils.assertStrictPositive;

/**
 * Retries a command only when it lost an optimistic-locking race on its aggregate ({@link ConcurrencyException}
 * anywhere in the cause chain): another JVM appended to the same aggregate first, and the retry runs on the new state.
 * Every other failure, a refusal such as sold-out above all, is final and answered at once.
 * <p>
 * The delay grows exponentially with full jitter, so that the losers of one race do not collide again in lockstep:
 * the same {@link BackoffStrategy#exponentialDelay exponential backoff} every retry of the application uses.
 */
public final class ConflictRetryScheduler extends AbstractRetryScheduler {

    private final BackoffStrategy backoff;

    private ConflictRetryScheduler(Builder builder) {
        super(builder);
        this.backoff = BackoffStrategy.exponentialDelay(Duration.ofMillis(builder.baseDelayMillis),
                Duration.ofMillis(builder.maxDelayMillis));
    }

    /** A builder; defaults as documented on its setters and on Axon's {@link AbstractRetryScheduler.Builder}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return false;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return true;
    }

    @Override
    protected long computeRetryInterval(CommandMessage commandMessage, RuntimeException lastFailure,
                                        List<Class<? extends Throwable>[]> failures) {
        // After n failures the next dispatch is attempt n + 1 (the SDK's count): up to baseDelay · 2^(n-1), capped.
        return backoff.computeDelay(Math.max(1, failures.size()) + 1).toMillis();
    }

    /** Builds a {@link ConflictRetryScheduler}; Axon's {@code retryExecutor} is its one hard requirement. */
    public static final class Builder extends AbstractRetryScheduler.Builder<Builder> {

        private long baseDelayMillis = 10;
        private long maxDelayMillis = 500;

        /** The delay ceiling of the first retry, positive; it doubles with every further retry. Default 10 ms. */
        public Builder baseDelayMillis(long baseDelayMillis) {
            assertStrictPositive(baseDelayMillis, "baseDelayMillis must be positive, was " + baseDelayMillis);
            this.baseDelayMillis = baseDelayMillis;
            return this;
        }

        /** The largest delay ceiling, positive. Default 500 ms. */
        public Builder maxDelayMillis(long maxDelayMillis) {
            assertStrictPositive(maxDelayMillis, "maxDelayMillis must be positive, was " + maxDelayMillis);
            this.maxDelayMillis = maxDelayMillis;
            return this;
        }

        public ConflictRetryScheduler build() {
            return new ConflictRetryScheduler(this);
        }
    }
}
