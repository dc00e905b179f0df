package com.boxoffice.axon.dynamodb.eventstore;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a unit of work's events into {@link CommitItem}s: a run of consecutive sequence numbers of one aggregate, in
 * the order they were applied, becomes one item, and a new item starts where the aggregate changes, a sequence number
 * is skipped, or the item would pass {@link #ITEM_TARGET_BYTES}. Keeping the applied order keeps each partition's log
 * in the order of the commit, as with one item per event.
 */
final class CommitItems {

    /**
     * Where an item is cut: below DynamoDB's 400 KB item limit with room for the item's other attributes, so an event
     * of up to that limit on its own still fits.
     */
    static final long ITEM_TARGET_BYTES = 350L * 1024;

    private CommitItems() {
    }

    /** @param compress deflate each item's events where that saves a tenth or more */
    static List<CommitItem> of(List<PreparedEvent> events, boolean compress) {
        List<CommitItem> items = new ArrayList<>();
        List<PreparedEvent> run = new ArrayList<>();
        long runBytes = 0;
        for (PreparedEvent event : events) {
            long bytes = event.packedBytes();
            if (!run.isEmpty() && (!continues(run.get(run.size() - 1), event)
                    || CommitItem.estimatedBytes(runBytes + bytes, event.key().aggregateId(), event.aggregateType()) > ITEM_TARGET_BYTES)) {
                items.add(CommitItem.of(run.get(0).partition(), run, compress));
                run = new ArrayList<>();
                runBytes = 0;
            }
            run.add(event);
            runBytes += bytes;
        }
        if (!run.isEmpty()) {
            items.add(CommitItem.of(run.get(0).partition(), run, compress));
        }
        return items;
    }

    /** Whether {@code next} may share {@code previous}'s item: the next sequence number of the same aggregate. */
    private static boolean continues(PreparedEvent previous, PreparedEvent next) {
        return previous.isDomain() && next.isDomain()
                && previous.key().aggregateId().equals(next.key().aggregateId())
                && previous.aggregateType().equals(next.aggregateType())
                && next.key().sequence() == previous.key().sequence() + 1;
    }
}
