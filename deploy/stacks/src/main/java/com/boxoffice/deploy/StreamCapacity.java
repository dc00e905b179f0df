package com.boxoffice.deploy;

/**
 * The capacity of the all-events stream: on demand (Kinesis scales it, priced per GB) or a fixed shard count (priced
 * per shard hour; each shard takes 1 MB or 1,000 records a second).
 *
 * @param shards the shard count, or 0 for on demand
 */
public record StreamCapacity(int shards) {

    /** Kinesis's default limit per stream in most regions; more needs a quota increase. */
    private static final int MAX_SHARDS = 500;

    public StreamCapacity {
        if (shards < 0 || shards > MAX_SHARDS) {
            throw new IllegalArgumentException("Shards are 1 to " + MAX_SHARDS + ", or 0 for on demand: " + shards);
        }
    }

    public static StreamCapacity onDemand() {
        return new StreamCapacity(0);
    }

    public static StreamCapacity ofShards(int shards) {
        if (shards == 0) {
            throw new IllegalArgumentException("A provisioned stream needs at least one shard");
        }
        return new StreamCapacity(shards);
    }

    public boolean isOnDemand() {
        return shards == 0;
    }
}
