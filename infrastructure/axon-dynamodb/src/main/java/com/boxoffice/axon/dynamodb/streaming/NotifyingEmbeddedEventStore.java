package com.boxoffice.axon.dynamodb.streaming;

import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's {@link EmbeddedEventStore} whose streams tell a pooled streaming processor when events arrive, instead of
 * leaving it to poll.
 * <p>
 * Why: Axon's pooled streaming processor asks its stream for an availability callback; the embedded event store's
 * streams offer none, so an idle processor looks again every 500 ms, and each hop of a process (an event handled, a
 * command sent, its event handled by the next processor) waits 250 ms on average for nothing. Here a
 * {@link NewEventsWatcher} follows the head of the stream on one thread and runs the callbacks whenever events arrive:
 * right after a commit in this JVM, and after the store's next poll for another instance's. Tracking processors, which
 * block on their stream instead, are unaffected.
 */
public class NotifyingEmbeddedEventStore extends EmbeddedEventStore {

    private final NewEventsWatcher watcher;

    public NotifyingEmbeddedEventStore(EmbeddedEventStore.Builder builder) {
        super(builder);
        this.watcher = new NewEventsWatcher(() -> super.openStream(createHeadToken()));
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new NotifyingStream(super.openStream(trackingToken), watcher);
    }

    @Override
    public void shutDown() {
        watcher.stop();
        super.shutDown();
    }
}
