package com.boxoffice.axon.dynamodb.eventstore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import static com.boxoffice.axon.dynamodb.eventstore.EventTables.HEAD_POSITION;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.PARTITION;

/**
 * The last position of each log partition: all of them read in one {@code Scan} of the heads table (for the stream and
 * tokens), single ones strongly consistent by key (for a writer whose head update failed without saying the current
 * value), and cached for writers, who only learn a fresher value when their conditional head update fails.
 */
final class LogHeads {

    private static final int BATCH_GET_LIMIT = 100;
    private static final long UNKNOWN = -1;

    private final DynamoDbClient client;
    private final String table;
    private final int partitions;
    private final AtomicLongArray cached;
    private final ConsumedCapacities capacities;

    LogHeads(DynamoDbClient client, String table, int partitions, ConsumedCapacities capacities) {
        this.client = client;
        this.table = table;
        this.partitions = partitions;
        this.capacities = capacities;
        this.cached = new AtomicLongArray(partitions);
        for (int p = 0; p < partitions; p++) {
            cached.set(p, UNKNOWN);
        }
    }

    /**
     * Every partition's head, read now (strongly consistent), in one {@code Scan} of the heads table: a Scan sums the
     * sizes of the items it reads before rounding up to 4 KB, so 16 heads cost 1 read unit where a
     * {@code BatchGetItem} of them costs 16. Missing head items are position 0.
     */
    long[] readAll() {
        return scan(true);
    }

    /**
     * Every partition's head as a lower bound, for the stream: an eventually consistent {@code Scan} (half the cost of
     * a strongly consistent one), each head raised to what this engine learned from its own commits. Any value a head
     * ever had is a committed position, so the stream never waits for one that does not exist; a stale head only delays
     * events until the next read.
     */
    long[] readLowerBounds() {
        long[] heads = scan(false);
        for (int p = 0; p < partitions; p++) {
            heads[p] = Math.max(heads[p], cached.get(p));
        }
        return heads;
    }

    private long[] scan(boolean consistent) {
        long[] heads = new long[partitions];
        ScanRequest request = ScanRequest.builder().tableName(table).consistentRead(consistent)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        for (ScanResponse page : client.scanPaginator(request)) {
            capacities.read(page.consumedCapacity());
            for (Map<String, AttributeValue> item : page.items()) {
                int partition = (int) EventItems.longOf(item, PARTITION);
                if (partition < partitions && item.containsKey(HEAD_POSITION)) {
                    heads[partition] = EventItems.longOf(item, HEAD_POSITION);
                }
            }
        }
        return heads;
    }

    /** The cached head of a partition, read first when unknown. */
    long cachedOrRead(int partition) {
        long value = cached.get(partition);
        if (value == UNKNOWN) {
            value = read(List.of(partition)).get(partition);
            learned(partition, value);
            return cached.get(partition);
        }
        return value;
    }

    /** Reads a partition's head now (strongly consistent) and learns it: after a conflict that did not say the value. */
    void refresh(int partition) {
        learned(partition, read(List.of(partition)).get(partition));
    }

    /** A head seen elsewhere (a committed transaction, a failed condition's current value): keep the highest. */
    void learned(int partition, long position) {
        cached.accumulateAndGet(partition, position, Math::max);
    }

    private Map<Integer, Long> read(Collection<Integer> wanted) {
        Map<Integer, Long> heads = new HashMap<>();
        List<Integer> list = new ArrayList<>(wanted);
        for (int from = 0; from < list.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (int partition : list.subList(from, Math.min(list.size(), from + BATCH_GET_LIMIT))) {
                heads.put(partition, 0L);
                keys.add(Map.of(PARTITION, EventItems.number(partition)));
            }
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                final Map<String, KeysAndAttributes> pending = request;
                BatchGetItemResponse response = client.batchGetItem(r -> r.requestItems(pending)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                capacities.read(response.consumedCapacity());
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    heads.put((int) EventItems.longOf(item, PARTITION), EventItems.longOf(item, HEAD_POSITION));
                }
                // DynamoDB may leave keys unprocessed under load; ask again for exactly those.
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return heads;
    }
}
