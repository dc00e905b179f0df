package com.boxoffice.kernel.commands;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.AbstractRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries a command only when it lost an optimistic-locking race on its aggregate ({@link ConcurrencyException}
 * anywhere in the cause chain): another JVM appended to the same aggregate first, and the retry runs on the new state.
 * Every other failure, a refusal such as sold-out above all, is final and answered at once.
 * <p>
 * The delay grows exponentially with full jitter, so that the losers of one race do not collide again in lockstep.
 */
public final class ConflictRetryScheduler extends AbstractRetryScheduler {

    private final long baseDelayMillis;
    private final long maxDelayMillis;

    private ConflictRetryScheduler(Builder builder) {
        super(builder);
        this.baseDelayMillis = builder.baseDelayMillis;
        this.maxDelayMillis = builder.maxDelayMillis;
    }

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
        int attempt = Math.max(1, failures.size());
        long ceiling = Math.min(maxDelayMillis, baseDelayMillis << Math.min(attempt - 1, 20));
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    public static final class Builder extends AbstractRetryScheduler.Builder<Builder> {

        private long baseDelayMillis = 10;
        private long maxDelayMillis = 500;

        /** The delay ceiling of the first retry; it doubles with every further retry. Default 10 ms. */
        public Builder baseDelayMillis(long baseDelayMillis) {
            if (baseDelayMillis <= 0) {
                throw new IllegalArgumentException("baseDelayMillis must be positive, was " + baseDelayMillis);
            }
            this.baseDelayMillis = baseDelayMillis;
            return this;
        }

        /** The largest delay ceiling. Default 500 ms. */
        public Builder maxDelayMillis(long maxDelayMillis) {
            if (maxDelayMillis <= 0) {
                throw new IllegalArgumentException("maxDelayMillis must be positive, was " + maxDelayMillis);
            }
            this.maxDelayMillis = maxDelayMillis;
            return this;
        }

        public ConflictRetryScheduler build() {
            return new ConflictRetryScheduler(this);
        }
    }
}
