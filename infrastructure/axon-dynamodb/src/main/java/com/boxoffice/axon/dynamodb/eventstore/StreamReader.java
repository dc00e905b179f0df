package com.boxoffice.axon.dynamodb.eventstore;

import org.axonframework.eventhandling.TrackedEventData;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static com.boxoffice.axon.dynamodb.eventstore.EventTables.PARTITION;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.POSITION;

/**
 * Reads the global stream: every partition's log from a token on.
 * <p>
 * One strongly consistent read of all heads tells which partitions moved and exactly how many events each must have up
 * to its head; only those partitions are queried, on the {@value EventTables#STREAM_INDEX} index. The index is
 * eventually consistent, so a query may miss an event that is committed: a partition is delivered only up to its first
 * missing position and picked up there on the next read. Since positions are gapless, a missing position is always one
 * the index has yet to show, never one that does not exist, so waiting for it is correct and never skips.
 */
final class StreamReader {

    private final DynamoDbClient client;
    private final EventTables tables;
    private final LogHeads heads;
    private final int partitions;
    private final ConsumedCapacities capacities;

    StreamReader(DynamoDbClient client, EventTables tables, LogHeads heads, int partitions, ConsumedCapacities capacities) {
        this.client = client;
        this.tables = tables;
        this.heads = heads;
        this.partitions = partitions;
        this.capacities = capacities;
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
        long[] current = heads.readAll();
        List<Cursor> cursors = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            if (current[p] > from.position(p)) {
                cursors.add(new Cursor(p, from.position(p), current[p]));
            }
        }
        if (cursors.isEmpty()) {
            return List.of();
        }
        int refill = Math.max(8, (batchSize + cursors.size() - 1) / cursors.size());
        List<TrackedEventData<byte[]>> batch = new ArrayList<>(batchSize);
        PartitionedLogToken token = from;
        while (batch.size() < batchSize) {
            Cursor earliest = null;
            for (Cursor cursor : cursors) {
                if (cursor.buffer.isEmpty() && !cursor.atHead()) {
                    cursor.fill(contiguous(cursor.partition, cursor.fetchedUpTo, (int) Math.min(refill, cursor.head - cursor.fetchedUpTo)));
                    if (cursor.buffer.isEmpty()) {
                        return batch;
                    }
                }
                if (!cursor.buffer.isEmpty() && (earliest == null || before(cursor.buffer.peekFirst(), earliest.buffer.peekFirst()))) {
                    earliest = cursor;
                }
            }
            if (earliest == null) {
                break;
            }
            Map<String, AttributeValue> item = earliest.buffer.pollFirst();
            token = token.advancedTo(EventItems.partitionOf(item), EventItems.positionOf(item));
            batch.add(EventItems.toTrackedEventData(item, token));
        }
        return batch;
    }

    /** A partition's read-ahead within one read. */
    private static final class Cursor {
        private final int partition;
        private final long head;
        private final Deque<Map<String, AttributeValue>> buffer = new ArrayDeque<>();
        private long fetchedUpTo;

        Cursor(int partition, long after, long head) {
            this.partition = partition;
            this.fetchedUpTo = after;
            this.head = head;
        }

        boolean atHead() {
            return fetchedUpTo >= head;
        }

        void fill(List<Map<String, AttributeValue>> events) {
            buffer.addAll(events);
            fetchedUpTo += events.size();
        }
    }

    private static boolean before(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        int byStamp = Long.compare(EventItems.longOf(a, EventTables.COMMIT_STAMP), EventItems.longOf(b, EventTables.COMMIT_STAMP));
        if (byStamp != 0) {
            return byStamp < 0;
        }
        int byIndex = Long.compare(EventItems.longOf(a, EventTables.COMMIT_INDEX), EventItems.longOf(b, EventTables.COMMIT_INDEX));
        return byIndex != 0 ? byIndex < 0 : EventItems.partitionOf(a) < EventItems.partitionOf(b);
    }

    /**
     * Up to {@code wanted} events of a partition after {@code after}, stopping at the first position not yet indexed.
     * A page may stop early at 1 MB, so pages are followed; the paginator is lazy, so no page is asked for once the run
     * is complete or broken.
     */
    private List<Map<String, AttributeValue>> contiguous(int partition, long after, int wanted) {
        List<Map<String, AttributeValue>> events = new ArrayList<>(wanted);
        long expected = after + 1;
        for (QueryResponse page : client.queryPaginator(queryAfter(partition, after, wanted))) {
            capacities.read(page.consumedCapacity());
            for (Map<String, AttributeValue> item : page.items()) {
                if (events.size() == wanted || EventItems.positionOf(item) != expected) {
                    return events;
                }
                events.add(item);
                expected++;
            }
            if (page.items().isEmpty() || events.size() == wanted) {
                return events;
            }
        }
        return events;
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
     * clocks disagree, so timestamps are not ordered); the earliest such event in stream order is the cut, and each partition's token lands before its first event at or after the cut. Cost:
     * the events of that window, which a replay from there reads anyway. Positions the index does not show yet count as
     * after the cut, so an index lag makes the token earlier (a redelivery), never later (a skip).
     */
    PartitionedLogToken tokenAt(Instant instant, Duration clockSkew) {
        long[] current = heads.readAll();
        long threshold = instant.toEpochMilli();
        long stopBelow = instant.minus(clockSkew).toEpochMilli();
        List<List<Map<String, AttributeValue>>> windows = new ArrayList<>();
        long[] highestIndexed = new long[partitions];
        Map<String, AttributeValue> cut = null;
        for (int p = 0; p < partitions; p++) {
            List<Map<String, AttributeValue>> window = recentWindow(p, current[p], stopBelow);
            windows.add(window);
            highestIndexed[p] = window.isEmpty() ? 0 : EventItems.positionOf(window.get(0));
            for (Map<String, AttributeValue> item : window) {
                if (EventItems.timestampMsOf(item) >= threshold && (cut == null || before(item, cut))) {
                    cut = item;
                }
            }
        }
        long[] positions = new long[partitions];
        for (int p = 0; p < partitions; p++) {
            long firstAfterCut = highestIndexed[p] < current[p] ? highestIndexed[p] + 1 : current[p] + 1;
            for (Map<String, AttributeValue> item : windows.get(p)) {
                if (cut != null && !before(item, cut)) {
                    firstAfterCut = Math.min(firstAfterCut, EventItems.positionOf(item));
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
    private List<Map<String, AttributeValue>> recentWindow(int partition, long head, long stopBelow) {
        List<Map<String, AttributeValue>> window = new ArrayList<>();
        if (head == 0) {
            return window;
        }
        QueryRequest query = QueryRequest.builder()
                .tableName(tables.events())
                .indexName(EventTables.STREAM_INDEX)
                .keyConditionExpression("#partition = :partition AND #position <= :head")
                .expressionAttributeNames(Map.of("#partition", PARTITION, "#position", POSITION,
                        "#stamp", EventTables.COMMIT_STAMP, "#index", EventTables.COMMIT_INDEX,
                        "#ms", EventTables.TIMESTAMP_MS))
                .expressionAttributeValues(Map.of(":partition", EventItems.number(partition), ":head", EventItems.number(head)))
                .projectionExpression("#partition, #position, #stamp, #index, #ms")
                .scanIndexForward(false)
                .limit(200)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
        for (QueryResponse page : client.queryPaginator(query)) {
            capacities.read(page.consumedCapacity());
            for (Map<String, AttributeValue> item : page.items()) {
                window.add(item);
                if (EventItems.timestampMsOf(item) < stopBelow) {
                    return window;
                }
            }
        }
        return window;
    }
}
