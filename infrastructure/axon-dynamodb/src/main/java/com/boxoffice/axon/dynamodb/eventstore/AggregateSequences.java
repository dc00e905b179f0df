package com.boxoffice.axon.dynamodb.eventstore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.boxoffice.axon.dynamodb.eventstore.EventTables.AGGREGATE_ID;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.LAST_SEQ;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.SEQ;

/**
 * Keeps a commit from taking sequence numbers that an aggregate's stored items already hold.
 * <p>
 * A commit item is keyed by its first sequence number, so its conditional put only collides with an item that starts
 * at the same number. That is every conflict Axon's repositories can cause: each appends right after the last event
 * it loaded, which ends a stored item, so the next stored item (a competing commit) starts exactly there. An append
 * at 0 collides on key 0. For any other append this engine asks DynamoDB once, strongly consistent, for the aggregate's
 * item at or before the commit's last sequence number, and refuses the commit when that item reaches into the commit.
 * It skips that read where it knows that an item of the aggregate ends right before the commit (it wrote or read that
 * item: a bounded memory of {@value #REMEMBERED} aggregates).
 * <p>
 * Not covered: an aggregate whose first events were appended above sequence 0 (Axon's repositories never do) can later
 * be given events at 0 that overlap them.
 */
final class AggregateSequences {

    static final int REMEMBERED = 10_000;

    private final DynamoDbClient client;
    private final EventTables tables;
    private final ConsumedCapacities capacities;
    private final Map<String, Long> itemEnds = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    AggregateSequences(DynamoDbClient client, EventTables tables, ConsumedCapacities capacities) {
        this.client = client;
        this.tables = tables;
        this.capacities = capacities;
    }

    /** @throws DuplicateEventKeyException when a stored item holds a sequence number of one of {@code items} */
    void checkFree(List<CommitItem> items) {
        Map<String, long[]> ranges = new LinkedHashMap<>();
        Map<String, CommitItem> firstItems = new LinkedHashMap<>();
        for (CommitItem item : items) {
            if (!item.first().isDomain()) {
                continue;
            }
            String aggregate = item.first().key().aggregateId();
            firstItems.putIfAbsent(aggregate, item);
            long[] range = ranges.computeIfAbsent(aggregate, a -> new long[]{item.firstSeq(), item.lastSeq()});
            range[0] = Math.min(range[0], item.firstSeq());
            range[1] = Math.max(range[1], item.lastSeq());
        }
        ranges.forEach((aggregate, range) -> {
            if (range[0] == 0 || knownEnd(aggregate) == range[0] - 1) {
                return;
            }
            Map<String, AttributeValue> stored = itemAtOrBefore(aggregate, range[1]);
            if (stored != null && EventItems.lastSeqOf(stored) >= range[0]) {
                CommitItem failed = firstItems.get(aggregate);
                throw new DuplicateEventKeyException("Aggregate " + aggregate + " already holds sequence numbers "
                        + EventItems.sequenceOf(stored) + ".." + EventItems.lastSeqOf(stored) + ", which the commit's "
                        + range[0] + ".." + range[1] + " overlap", failed.first().message(), null);
            }
        });
    }

    /** The aggregate's last stored sequence number: one reverse query of one item. */
    Optional<Long> last(String aggregate) {
        return Optional.ofNullable(itemAtOrBefore(aggregate, Long.MAX_VALUE)).map(EventItems::lastSeqOf);
    }

    /** An item of the aggregate ends at {@code lastSeq} (written or read). */
    void learned(String aggregate, long lastSeq) {
        synchronized (itemEnds) {
            itemEnds.merge(aggregate, lastSeq, Math::max);
        }
    }

    /** The end of an item of the aggregate this engine wrote or read, or -2 when it knows none. */
    long knownEnd(String aggregate) {
        synchronized (itemEnds) {
            return itemEnds.getOrDefault(aggregate, -2L);
        }
    }

    private Map<String, AttributeValue> itemAtOrBefore(String aggregate, long sequence) {
        QueryResponse response = client.query(r -> r
                .tableName(tables.events())
                .consistentRead(true)
                .keyConditionExpression("#id = :id AND #seq <= :seq")
                .expressionAttributeNames(Map.of("#id", AGGREGATE_ID, "#seq", SEQ, "#last", LAST_SEQ))
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(aggregate), ":seq", EventItems.number(sequence)))
                .projectionExpression("#seq, #last")
                .scanIndexForward(false)
                .limit(1)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        capacities.read(response.consumedCapacity());
        return response.items().isEmpty() ? null : response.items().get(0);
    }
}
