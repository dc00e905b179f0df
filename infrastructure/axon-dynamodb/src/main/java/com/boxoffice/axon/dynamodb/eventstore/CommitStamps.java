package com.boxoffice.axon.dynamodb.eventstore;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Stamps each commit with a number that orders the commits of this JVM strictly and those of different JVMs by their
 * clocks: microseconds of wall-clock time, bumped by one when two commits fall in the same microsecond or the clock
 * steps back. The stream merges partitions by (stamp, index in commit), so a consumer sees the events of one commit
 * together and in the order they were applied, and commits of different aggregates roughly as they happened.
 * <p>
 * Stamps order delivery across partitions only; they never decide what is delivered, so a wrong clock can reorder
 * aggregates relative to each other but cannot make the stream skip or repeat an event.
 */
final class CommitStamps {

    private static final AtomicLong last = new AtomicLong();

    private CommitStamps() {
    }

    static long next() {
        long now = System.currentTimeMillis() * 1000;
        return last.accumulateAndGet(now, (previous, candidate) -> Math.max(previous + 1, candidate));
    }
}
