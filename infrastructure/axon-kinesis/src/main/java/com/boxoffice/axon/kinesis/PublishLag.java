package com.boxoffice.axon.kinesis;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * How far the all-events stream is behind the event store.
 * <p>
 * Events behind = the event store's head position minus the publisher's token position (the token only moves after
 * Kinesis accepted the records, so this counts exactly the unpublished events; it needs positions, which Axon's
 * global-sequence and the project's tokens have). Seconds behind = the age of the oldest event the publisher holds
 * but could not publish yet, or when it holds none but is behind, the age of the last published event (an upper
 * bound); 0 when caught up.
 */
public final class PublishLag {

    private final Supplier<OptionalLong> headPosition;
    private final Supplier<OptionalLong> publishedPosition;
    private final PublishStatus status;

    public PublishLag(Supplier<OptionalLong> headPosition, Supplier<OptionalLong> publishedPosition, PublishStatus status) {
        this.headPosition = headPosition;
        this.publishedPosition = publishedPosition;
        this.status = status;
    }

    /** Events in the store not yet accepted by Kinesis; empty when a position is unknown. */
    public OptionalLong eventsBehind() {
        OptionalLong head = headPosition.get();
        if (head.isEmpty()) {
            return OptionalLong.empty();
        }
        // Unknown until this node's publisher has a token (it may run on another node).
        OptionalLong published = publishedPosition.get();
        if (published.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, head.getAsLong() - published.getAsLong()));
    }

    public OptionalDouble secondsBehind() {
        OptionalLong events = eventsBehind();
        if (events.isPresent() && events.getAsLong() == 0) {
            return OptionalDouble.of(0);
        }
        return status.oldestPendingEventTime().or(status::lastPublishedEventTime)
                .map(time -> OptionalDouble.of(Duration.between(time, status.clock().instant()).toMillis() / 1000.0))
                .orElse(OptionalDouble.empty());
    }
}
