package com.boxoffice.axon.dynamodb.eventstore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A partition's events fetched within one read of the stream, from the token's position up to the head read. */
final class PartitionCursor {

    private final int partition;
    private final long head;
    private final Deque<ItemEvent> buffer = new ArrayDeque<>();
    private long fetchedUpTo;

    /** @param kept events after {@code after} kept from an earlier read, contiguous from {@code after + 1} */
    PartitionCursor(int partition, long after, long head, List<ItemEvent> kept) {
        this.partition = partition;
        this.head = head;
        this.fetchedUpTo = after;
        fill(kept);
    }

    int partition() {
        return partition;
    }

    long head() {
        return head;
    }

    long fetchedUpTo() {
        return fetchedUpTo;
    }

    boolean needsFill() {
        return buffer.isEmpty() && fetchedUpTo < head;
    }

    boolean hasNext() {
        return !buffer.isEmpty();
    }

    ItemEvent peek() {
        return buffer.peekFirst();
    }

    ItemEvent next() {
        return buffer.pollFirst();
    }

    /** Adds events that continue the buffer; those past the head read for this read wait for the next read. */
    void fill(List<ItemEvent> events) {
        for (ItemEvent event : events) {
            if (event.position() != fetchedUpTo + 1) {
                throw new IllegalStateException("Partition " + partition + " expected position " + (fetchedUpTo + 1)
                        + ", got " + event.position());
            }
            buffer.addLast(event);
            fetchedUpTo = event.position();
        }
    }

    /** What was fetched and not delivered, in order. */
    List<ItemEvent> remaining() {
        return new ArrayList<>(buffer);
    }
}
