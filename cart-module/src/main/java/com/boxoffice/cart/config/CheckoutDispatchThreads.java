package com.boxoffice.cart.config;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the checkout process dispatches its commands from (see
 * {@link com.boxoffice.cart.process.CheckoutCommands} for why). Each processor worker waits for one dispatch at a
 * time, so a cached pool never holds more threads than the checkout processor has workers. Wrapped rather than
 * published as an {@link ExecutorService} bean, so nothing else picks it up by type.
 */
public final class CheckoutDispatchThreads implements AutoCloseable {

    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "checkout-dispatch-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    ExecutorService executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
