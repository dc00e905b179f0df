package com.boxoffice.axon.dynamodb.eventstore;

import org.axonframework.eventhandling.TrackedEventData;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import static com.boxoffice.axon.dynamodb.eventstore.EventTables.PARTITION;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.POSITION;

/**
 * Reads the global stream: every partition's log from a token on.
 * <p>
 * One read of all heads (a lower bound of each: see {@link LogHeads#readLowerBounds()}) tells which partitions moved
 * and how many events each has at least; only those partitions are queried, on the {@value EventTables#STREAM_INDEX} index, concurrently. The
 * index is eventually consistent, so a query may miss an event that is committed: a partition is delivered only up to
 * its first missing position and picked up there on the next read. Since positions are gapless, a missing position is
 * always one the index has yet to show, never one that does not exist, so waiting for it is correct and never skips.
 * <p>
 * An item holds several events (a commit item), so a read may end inside one. What a read fetched beyond what it
 * delivered is kept ({@link ReadAhead}) and the next read from there starts with it; a read that starts inside an item
 * it does not hold reads that item again (one more query of one item).
 */
final class StreamReader {

    private final DynamoDbClient client;
    private final EventTables tables;
    private final LogHeads heads;
    private final int partitions;
    private final ConsumedCapacities capacities;
    private final ReadAhead readAhead;
    /**
     * The highest heads this reader has read: a read from a token behind them in some partition has events to deliver
     * without asking for the heads again (a catching-up reader reads them once per batch otherwise). Heads only rise,
     * so old ones are lower bounds still; a read that comes up short on them asks for fresh heads before it ends.
     */
    private final AtomicReference<long[]> knownHeads = new AtomicReference<>();
    private final ExecutorService queries;

    StreamReader(DynamoDbClient client, EventTables tables, LogHeads heads, int partitions, ConsumedCapacities capacities) {
        this.client = client;
        this.tables = tables;
        this.heads = heads;
        this.partitions = partitions;
        this.capacities = capacities;
        this.readAhead = new ReadAhead(partitions);
        // Queries of different partitions are independent; a few at a time hide their latency from the reader.
        this.queries = Executors.newFixedThreadPool(Math.min(partitions, 8), runnable -> {
            Thread thread = new Thread(runnable, "dynamodb-stream-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Up to {@code batchSize} events after {@code from}, merged over the partitions that moved. A batch is short only
     * when the stream has nothing more to give now (Axon's batching engine ends a read on a short batch and the event
     * store then waits for its next poll), so a partition's buffer is refilled whenever it runs dry.
     * <p>
     * The merge is by commit stamp and index in commit (see {@link CommitStamps}): each partition keeps its own order, a
     * commit's events come together and in order, commits of different aggregates roughly as they happened. A
     * partition that cannot deliver its next position yet (the index has not shown it) might hold an earlier event than
     * the others' next ones, so the batch ends there.
     */
    List<TrackedEventData<byte[]>> read(PartitionedLogToken from, int batchSize) {
        List<TrackedEventData<byte[]>> batch = new ArrayList<>(batchSize);
        long[] known = knownHeads.get();
        if (known != null && behind(from, known)) {
            PartitionedLogToken reached = merge(from, known, batchSize, batch);
            if (batch.size() == batchSize) {
                return batch;
            }
            from = reached;
        }
        merge(from, freshHeads(), batchSize, batch);
        return batch;
    }

    /** Whether a partition of {@code token} is behind {@code heads}: events to read without asking for the heads. */
    private static boolean behind(PartitionedLogToken token, long[] heads) {
        for (int p = 0; p < heads.length; p++) {
            if (token.position(p) < heads[p]) {
                return true;
            }
        }
        return false;
    }

    /** The heads read now, kept for the reads that follow; what is kept only ever rises. */
    private long[] freshHeads() {
        long[] read = heads.readLowerBounds();
        return knownHeads.accumulateAndGet(read, (kept, fresh) -> {
            if (kept == null) {
                return fresh;
            }
            long[] highest = fresh.clone();
            for (int p = 0; p < highest.length; p++) {
                highest[p] = Math.max(highest[p], kept[p]);
            }
            return highest;
        });
    }

    /** Merges the partitions that are behind {@code current} into {@code batch}; returns the token reached. */
    private PartitionedLogToken merge(PartitionedLogToken from, long[] current, int batchSize, List<TrackedEventData<byte[]>> batch) {
        List<PartitionCursor> cursors = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            if (current[p] > from.position(p)) {
                cursors.add(new PartitionCursor(p, from.position(p), current[p], readAhead.take(p, from.position(p))));
            }
        }
        PartitionedLogToken token = from;
        if (cursors.isEmpty()) {
            return token;
        }
        try {
            while (batch.size() < batchSize) {
                if (!fillDry(cursors, batchSize)) {
                    return token;
                }
                PartitionCursor earliest = null;
                for (PartitionCursor cursor : cursors) {
                    if (cursor.hasNext() && (earliest == null || cursor.peek().before(earliest.peek()))) {
                        earliest = cursor;
                    }
                }
                if (earliest == null) {
                    break;
                }
                ItemEvent event = earliest.next();
                token = token.advancedTo(event.partition(), event.position());
                batch.add(event.toTrackedEventData(token));
            }
            return token;
        } finally {
            cursors.forEach(c -> readAhead.keep(c.partition(), c.remaining()));
        }
    }

    /**
     * Refills, concurrently, every cursor that ran dry before its head.
     *
     * @return {@code false} when one of them could not be refilled: the index does not show its next position yet
     */
    private boolean fillDry(List<PartitionCursor> cursors, int batchSize) {
        List<PartitionCursor> dry = cursors.stream().filter(PartitionCursor::needsFill).toList();
        if (dry.isEmpty()) {
            return true;
        }
        List<CompletableFuture<List<ItemEvent>>> fetches = new ArrayList<>();
        for (PartitionCursor cursor : dry) {
            int limit = (int) Math.min(batchSize, cursor.head() - cursor.fetchedUpTo());
            if (dry.size() == 1) {
                fetches.add(CompletableFuture.completedFuture(contiguous(cursor.partition(), cursor.fetchedUpTo(), limit)));
            } else {
                fetches.add(CompletableFuture.supplyAsync(() -> contiguous(cursor.partition(), cursor.fetchedUpTo(), limit), queries));
            }
        }
        boolean allFilled = true;
        for (int i = 0; i < dry.size(); i++) {
            List<ItemEvent> events = join(fetches.get(i));
            dry.get(i).fill(events);
            allFilled &= !events.isEmpty();
        }
        return allFilled;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /**
     * The events of a partition after {@code after}, from whole items of up to {@code limit} items, stopping at the
     * first position not yet indexed. A page may stop early at 1 MB, so pages are followed; the paginator is lazy, so
     * no page is asked for once the run is complete or broken. When {@code after} falls inside an item, that item is
     * read first.
     */
    private List<ItemEvent> contiguous(int partition, long after, int limit) {
        List<ItemEvent> events = new ArrayList<>();
        long expected = after + 1;
        int items = 0;
        for (QueryResponse page : client.queryPaginator(queryAfter(partition, after, limit))) {
            capacities.read(page.consumedCapacity());
            for (Map<String, AttributeValue> item : page.items()) {
                if (items == 0 && EventItems.positionOf(item) != expected && after > 0) {
                    expected = appendCovering(partition, after, events);
                }
                if (items == limit || EventItems.positionOf(item) != expected) {
                    return events;
                }
                List<ItemEvent> unpacked = EventItems.eventsOf(item);
                events.addAll(unpacked);
                expected += unpacked.size();
                items++;
            }
            if (page.items().isEmpty() || items == limit) {
                break;
            }
        }
        if (items == 0 && after > 0) {
            appendCovering(partition, after, events);
        }
        return events;
    }

    /**
     * Adds the events after {@code after} of the item that holds position {@code after} and more, if there is one.
     *
     * @return the next position expected after them
     */
    private long appendCovering(int partition, long after, List<ItemEvent> events) {
        QueryResponse response = client.query(backwardsFrom(partition, after, 1));
        capacities.read(response.consumedCapacity());
        for (Map<String, AttributeValue> item : response.items()) {
            if (EventItems.lastPositionOf(item) > after) {
                EventItems.eventsOf(item).stream().filter(e -> e.position() > after).forEach(events::add);
                return EventItems.lastPositionOf(item) + 1;
            }
        }
        return after + 1;
    }

    private QueryRequest queryAfter(int partition, long after, int limit) {
        return QueryRequest.builder()
                .tableName(tables.events())
                .indexName(EventTables.STREAM_INDEX)
                .keyConditionExpression("#partition = :partition AND #position > :after")
                .expressionAttributeNames(Map.of("#partition", PARTITION, "#position", POSITION))
                .expressionAttributeValues(Map.of(":partition", EventItems.number(partition), ":after", EventItems.number(after)))
                .limit(limit)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
    }

    /**
     * A token positioned before the earliest event whose timestamp is at or after {@code instant}, "earliest" in the
     * stream's cross-partition order (commit stamp, index in commit), as Axon's JDBC engine does with its global index.
     * <p>
     * Each partition is read backwards from its head until events are older than {@code instant - clockSkew} (writers'
     * clocks disagree, so timestamps are not ordered); the earliest such event in stream order is the cut, and each
     * partition's token lands before its first event at or after the cut. Cost: the events of that window, which a
     * replay from there reads anyway. Positions the index does not show yet count as after the cut, so an index lag
     * makes the token earlier (a redelivery), never later (a skip).
     */
    PartitionedLogToken tokenAt(Instant instant, Duration clockSkew) {
        long[] current = heads.readAll();
        long threshold = instant.toEpochMilli();
        long stopBelow = instant.minus(clockSkew).toEpochMilli();
        List<List<ItemEvent>> windows = new ArrayList<>();
        long[] highestIndexed = new long[partitions];
        ItemEvent cut = null;
        for (int p = 0; p < partitions; p++) {
            List<ItemEvent> window = recentWindow(p, current[p], stopBelow);
            windows.add(window);
            highestIndexed[p] = window.isEmpty() ? 0 : window.get(0).position();
            for (ItemEvent event : window) {
                if (event.timestampMs() >= threshold && (cut == null || event.before(cut))) {
                    cut = event;
                }
            }
        }
        long[] positions = new long[partitions];
        for (int p = 0; p < partitions; p++) {
            long firstAfterCut = highestIndexed[p] < current[p] ? highestIndexed[p] + 1 : current[p] + 1;
            for (ItemEvent event : windows.get(p)) {
                if (cut != null && !event.before(cut)) {
                    firstAfterCut = Math.min(firstAfterCut, event.position());
                }
            }
            positions[p] = firstAfterCut - 1;
        }
        return new PartitionedLogToken(positions);
    }

    /**
     * A partition's events from its head backwards until one is older than {@code stopBelow}, newest first. The
     * paginator is lazy: the pages after the one holding that event are never read.
     */
    private List<ItemEvent> recentWindow(int partition, long head, long stopBelow) {
        List<ItemEvent> window = new ArrayList<>();
        if (head == 0) {
            return window;
        }
        for (QueryResponse page : client.queryPaginator(backwardsFrom(partition, head, 50))) {
            capacities.read(page.consumedCapacity());
            for (Map<String, AttributeValue> item : page.items()) {
                List<ItemEvent> events = EventItems.eventsOf(item);
                for (int i = events.size() - 1; i >= 0; i--) {
                    window.add(events.get(i));
                    if (events.get(i).timestampMs() < stopBelow) {
                        return window;
                    }
                }
            }
        }
        return window;
    }

    /** The partition's stream index read backwards from {@code atOrBelow}, {@code pageItems} items a page. */
    private QueryRequest backwardsFrom(int partition, long atOrBelow, int pageItems) {
        return QueryRequest.builder()
                .tableName(tables.events())
                .indexName(EventTables.STREAM_INDEX)
                .keyConditionExpression("#partition = :partition AND #position <= :atOrBelow")
                .expressionAttributeNames(Map.of("#partition", PARTITION, "#position", POSITION))
                .expressionAttributeValues(Map.of(":partition", EventItems.number(partition),
                        ":atOrBelow", EventItems.number(atOrBelow)))
                .scanIndexForward(false)
                .limit(pageItems)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
    }
}
