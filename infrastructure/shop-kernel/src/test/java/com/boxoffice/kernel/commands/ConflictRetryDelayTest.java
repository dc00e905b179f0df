package com.boxoffice.kernel.commands;

import org.axonframework.common.AxonConfigurationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The delays of {@link ConflictRetryScheduler}: exponential, with full jitter under a ceiling that doubles. */
class ConflictRetryDelayTest {

    @Test
    void theCeilingDoublesFromTheBaseDelayUpToTheMaximum() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            ConflictRetryScheduler scheduler = ConflictRetryScheduler.builder().retryExecutor(executor)
                    .baseDelayMillis(10).maxDelayMillis(60).build();
            long[] ceilings = {10, 20, 40, 60, 60};
            for (int failures = 1; failures <= ceilings.length; failures++) {
                List<Class<? extends Throwable>[]> history = failures(failures);
                long longest = 0;
                for (int i = 0; i < 2000; i++) {
                    long delay = scheduler.computeRetryInterval(null, new ConcurrencyException("lost"), history);
                    assertThat(delay).as("after %d failures", failures).isBetween(0L, ceilings[failures - 1]);
                    longest = Math.max(longest, delay);
                }
                assertThat(longest).as("jitter spreads up to the ceiling after %d failures", failures)
                        .isGreaterThan(ceilings[failures - 1] / 2);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void delaysMustBePositive() {
        assertThatThrownBy(() -> ConflictRetryScheduler.builder().baseDelayMillis(0)).isInstanceOf(AxonConfigurationException.class);
        assertThatThrownBy(() -> ConflictRetryScheduler.builder().maxDelayMillis(-1)).isInstanceOf(AxonConfigurationException.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[]{ConcurrencyException.class});
        }
        return failures;
    }
}
