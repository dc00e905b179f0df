package com.boxoffice.axon.dynamodb.eventstore;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per log partition, held by a writer of this engine while it commits to the partition. Two commits of one
 * engine to one partition cannot both win its head anyway: without the lock the second would send a transaction
 * bound to fail and retry it after a backoff, which is where 10-event commits spent their worst latencies. With it the
 * second waits for the first and then commits on the head the first left in the cache. Head races with other engines
 * (other JVMs) remain and are retried as before. Locks are taken in partition order, so commits over several
 * partitions cannot deadlock; they are fair, so a waiting writer is not overtaken again and again.
 */
final class PartitionLocks {

    private final ReentrantLock[] locks;

    PartitionLocks(int partitions) {
        locks = new ReentrantLock[partitions];
        for (int p = 0; p < partitions; p++) {
            locks[p] = new ReentrantLock(true);
        }
    }

    /** Locks the partitions, in ascending order; the caller unlocks them with {@link #unlock}. */
    List<Integer> lock(Collection<Integer> partitions) {
        List<Integer> ordered = partitions.stream().sorted().toList();
        for (int i = 0; i < ordered.size(); i++) {
            try {
                locks[ordered.get(i)].lockInterruptibly();
            } catch (InterruptedException e) {
                unlock(ordered.subList(0, i));
                Thread.currentThread().interrupt();
                throw new EventStoreUnavailableException("Interrupted while waiting to commit to partition " + ordered.get(i), e);
            }
        }
        return ordered;
    }

    void unlock(List<Integer> locked) {
        for (int i = locked.size() - 1; i >= 0; i--) {
            locks[locked.get(i)].unlock();
        }
    }
}
