package com.boxoffice.axon.dynamodb.eventstore;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Per partition, the events one read of the stream fetched and did not deliver, so that the next read from where that
 * one ended starts with them instead of reading their items again. Stored events never change and positions are never
 * reused, so what is kept stays true; a read from elsewhere simply finds nothing to use. Bounded: a partition keeps at
 * most {@value #MAX_EVENTS} events.
 */
final class ReadAhead {

    static final int MAX_EVENTS = 2_000;

    private final AtomicReferenceArray<List<ItemEvent>> kept;

    ReadAhead(int partitions) {
        this.kept = new AtomicReferenceArray<>(partitions);
    }

    /** The kept events of {@code partition} that follow {@code after} without a gap, or none. */
    List<ItemEvent> take(int partition, long after) {
        List<ItemEvent> events = kept.get(partition);
        if (events == null || events.isEmpty()) {
            return List.of();
        }
        long first = events.get(0).position();
        long last = events.get(events.size() - 1).position();
        if (after + 1 < first || after >= last) {
            return List.of();
        }
        return events.subList((int) (after + 1 - first), events.size());
    }

    void keep(int partition, List<ItemEvent> events) {
        if (!events.isEmpty() && events.size() <= MAX_EVENTS) {
            kept.set(partition, List.copyOf(events));
        }
    }
}
