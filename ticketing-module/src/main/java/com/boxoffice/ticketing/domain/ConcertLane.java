package com.boxoffice.ticketing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/** The requests of one concert waiting for their batch, and whether a thread is deciding them. */
final class ConcertLane {

    final UUID concertId;
    final Queue<DeskRequest> queue = new ConcurrentLinkedQueue<>();
    /** True while one thread drains the lane: batches of a concert are decided one after the other. */
    final AtomicBoolean draining = new AtomicBoolean();

    ConcertLane(UUID concertId) {
        this.concertId = concertId;
    }

    /** Up to {@code max} requests, oldest first. */
    List<DeskRequest> take(int max) {
        List<DeskRequest> batch = new ArrayList<>(Math.min(max, 128));
        DeskRequest next;
        while (batch.size() < max && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }
}
