package com.boxoffice.axon.dynamodb.eventstore;

/**
 * Maps an aggregate to its log partition, so all its events stay in one partition, in order. The partition is a hash
 * of the aggregate's {@link PartitionKey}, by default its whole id.
 * <p>
 * {@link String#hashCode()} is specified by the Java language, so every JVM, version and instance computes the same
 * partition; the multiplication spreads ids that differ only in their last characters.
 */
public final class LogPartitioner {

    private final int partitions;
    private final PartitionKey key;

    public LogPartitioner(int partitions) {
        this(partitions, PartitionKey.WHOLE_ID);
    }

    public LogPartitioner(int partitions, PartitionKey key) {
        if (partitions < 1 || partitions > 1024) {
            throw new IllegalArgumentException("Partitions must be 1..1024, was " + partitions);
        }
        this.partitions = partitions;
        this.key = java.util.Objects.requireNonNull(key, "key");
    }

    public int partitionOf(String aggregateId) {
        int mixed = key.of(aggregateId).hashCode() * 0x9E3779B1;
        return Math.floorMod(mixed ^ (mixed >>> 16), partitions);
    }

    public int partitions() {
        return partitions;
    }
}
