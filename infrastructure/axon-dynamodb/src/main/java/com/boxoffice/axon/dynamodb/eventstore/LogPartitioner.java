package com.boxoffice.axon.dynamodb.eventstore;

/**
 * Maps an aggregate to its log partition, so all its events stay in one partition, in order.
 * <p>
 * {@link String#hashCode()} is specified by the Java language, so every JVM, version and instance computes the same
 * partition; the multiplication spreads ids that differ only in their last characters.
 */
public final class LogPartitioner {

    private final int partitions;

    public LogPartitioner(int partitions) {
        if (partitions < 1 || partitions > 1024) {
            throw new IllegalArgumentException("Partitions must be 1..1024, was " + partitions);
        }
        this.partitions = partitions;
    }

    public int partitionOf(String aggregateId) {
        int mixed = aggregateId.hashCode() * 0x9E3779B1;
        return Math.floorMod(mixed ^ (mixed >>> 16), partitions);
    }

    public int partitions() {
        return partitions;
    }
}
