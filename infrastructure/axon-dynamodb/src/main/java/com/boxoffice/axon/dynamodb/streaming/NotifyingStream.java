package com.boxoffice.axon.dynamodb.streaming;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An event store stream that supports availability callbacks: the callback is handed to the {@link NewEventsWatcher}
 * and runs whenever new events reach the head of the store. Everything else is the underlying stream's.
 */
final class NotifyingStream implements TrackingEventStream {

    private final TrackingEventStream delegate;
    private final NewEventsWatcher watcher;
    private volatile NewEventsWatcher.Registration registration;

    NotifyingStream(TrackingEventStream delegate, NewEventsWatcher watcher) {
        this.delegate = delegate;
        this.watcher = watcher;
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        NewEventsWatcher.Registration previous = registration;
        registration = watcher.register(callback);
        if (previous != null) {
            previous.cancel();
        }
        return true;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return delegate.peek();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        return delegate.hasNextAvailable(timeout, unit);
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        return delegate.nextAvailable();
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
    }

    @Override
    public void close() {
        NewEventsWatcher.Registration current = registration;
        if (current != null) {
            current.cancel();
        }
        delegate.close();
    }
}
