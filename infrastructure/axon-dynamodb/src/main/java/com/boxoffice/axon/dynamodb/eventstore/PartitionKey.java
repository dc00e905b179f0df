package com.boxoffice.axon.dynamodb.eventstore;

import java.util.Objects;

/**
 * What decides an aggregate's log partition: aggregates with the same key share one. By default the whole aggregate
 * id is the key, which spreads aggregates evenly.
 * <p>
 * Why another key: a unit of work that writes several aggregates moves the head of every partition it touches, and
 * a head is one item of the commit's transaction and a point of contention with every other writer of that partition.
 * Aggregates that are written together (a concert and the reservations it decides in one commit, say) can share a key,
 * so the commit moves one head. The price: their partition takes all their writes.
 * <p>
 * <b>Fixed for the life of the tables</b>, like the partition count: an aggregate that moved to another partition would
 * have its later events in another log, out of order with its earlier ones in the stream. Implementations must be pure
 * functions of the id, the same in every JVM.
 */
@FunctionalInterface
public interface PartitionKey {

    /** The whole aggregate id: every aggregate on its own. */
    PartitionKey WHOLE_ID = aggregateId -> aggregateId;

    /** The key of an aggregate; never null. */
    String of(String aggregateId);

    /**
     * The part of the id before the first {@code separator}, or the whole id when it has none: {@code prefixBefore('/')}
     * puts {@code concert-1/order-7} in the partition of {@code concert-1}.
     */
    static PartitionKey prefixBefore(char separator) {
        return new PrefixBefore(separator);
    }

    /** A record, so two of the same separator are equal (and a configuration can be compared). */
    record PrefixBefore(char separator) implements PartitionKey {
        @Override
        public String of(String aggregateId) {
            Objects.requireNonNull(aggregateId, "aggregateId");
            int at = aggregateId.indexOf(separator);
            return at < 0 ? aggregateId : aggregateId.substring(0, at);
        }
    }
}
