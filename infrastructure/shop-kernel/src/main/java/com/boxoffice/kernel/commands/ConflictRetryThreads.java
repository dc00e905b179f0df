package com.boxoffice.kernel.commands;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The thread that re-dispatches commands after a conflict. Wrapped rather than published as a
 * {@link ScheduledExecutorService} bean, so that nothing else (Spring's {@code @Scheduled} support looks for one) picks it
 * up by type.
 */
public final class ConflictRetryThreads implements AutoCloseable {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "command-conflict-retry");
        thread.setDaemon(true);
        return thread;
    });

    ScheduledExecutorService executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
