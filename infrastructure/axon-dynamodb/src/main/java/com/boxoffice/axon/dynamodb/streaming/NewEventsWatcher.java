package com.boxoffice.axon.dynamodb.streaming;

import org.axonframework.eventhandling.TrackingEventStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Follows the head of the event stream on a thread of its own and runs the registered callbacks whenever new events
 * arrive there. It reads the embedded event store's shared, already fetched events, so it costs no reads of the
 * storage; it starts with the first registration and stops with the store.
 */
final class NewEventsWatcher {

    private static final Logger log = LoggerFactory.getLogger(NewEventsWatcher.class);
    private static final long RETRY_MILLIS = 1000;

    private final Supplier<TrackingEventStream> headStream;
    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();
    private Thread thread;
    private volatile boolean stopped;

    /** @param headStream opens a stream at the current head of the store */
    NewEventsWatcher(Supplier<TrackingEventStream> headStream) {
        this.headStream = headStream;
    }

    /** Runs {@code callback} on every arrival of new events until the registration is cancelled. */
    Registration register(Runnable callback) {
        callbacks.add(callback);
        startOnce();
        return () -> callbacks.remove(callback);
    }

    synchronized void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Opens the head stream on the caller's thread: events stored after the first registration are all seen. */
    private synchronized void startOnce() {
        if (thread != null || stopped) {
            return;
        }
        TrackingEventStream first = headStream.get();
        thread = new Thread(() -> watch(first), "new-events-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch(TrackingEventStream first) {
        TrackingEventStream next = first;
        while (!stopped) {
            try (TrackingEventStream stream = next != null ? next : headStream.get()) {
                next = null;
                while (!stopped) {
                    if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (stream.hasNextAvailable()) {
                            stream.nextAvailable();
                        }
                        notifyCallbacks();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Processors still find new events without us, only later (Axon's own timed look); try again shortly.
                log.warn("Watching for new events failed; retrying in {} ms: {}", RETRY_MILLIS, e.toString());
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private void notifyCallbacks() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                log.warn("A new-events callback failed", e);
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A callback's registration. */
    @FunctionalInterface
    interface Registration {
        void cancel();
    }
}
