package com.boxoffice.axon.dynamodb.eventstore;

import com.boxoffice.axon.dynamodb.support.DynamoDbErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.boxoffice.axon.dynamodb.eventstore.EventTables.AGGREGATE_ID;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.HEAD_POSITION;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.PARTITION;

/**
 * Stores the events of one unit of work in one {@code TransactWriteItems}: for each partition it touches, the head
 * moves from {@code h} to {@code h + n} on condition that it is still {@code h}, and its {@code n} events take the
 * positions {@code h+1 … h+n}, packed in {@link CommitItem}s (one per run of one aggregate's events, cut at about
 * 350 KB), each put on condition that its (aggregate, first sequence) key is free.
 * <p>
 * Because a position is only ever written by the transaction that moves the head past it, positions are gapless and
 * ordered by commit, and a failed or conflicting commit burns none. A lost race for a head is retried with the head's
 * current value (returned by the failed condition, no extra read); a taken (aggregate, sequence) key is the caller's
 * concurrency conflict and is never retried.
 */
final class CommitWriter {

    private static final Logger log = LoggerFactory.getLogger(CommitWriter.class);

    static final int MAX_TRANSACTION_ITEMS = 100;
    static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;
    private static final long HEAD_ITEM_BYTES = 32;
    private static final int UNKNOWN_OUTCOME_RETRIES = 3;
    /**
     * Between tries of a commit that lost a head race: up to 2 ms, then 4, 8, ... never more than 100 ms. The first
     * retries hardly wait because the failure told the head's current value: the next try is likely to win.
     */
    private static final BackoffStrategy HEAD_RACE_BACKOFF =
            BackoffStrategy.exponentialDelay(Duration.ofMillis(2), Duration.ofMillis(100));
    /** Before resending a transaction whose outcome is unknown: up to 16 ms, then 32 ms. */
    private static final BackoffStrategy UNKNOWN_OUTCOME_BACKOFF =
            BackoffStrategy.exponentialDelay(Duration.ofMillis(16), Duration.ofMillis(100));

    private final DynamoDbClient client;
    private final EventTables tables;
    private final LogHeads heads;
    private final int maxAttempts;
    private final Runnable beforeCommit;
    private final EventStoreObserver observer;
    private final ConsumedCapacities capacities;
    private final PartitionLocks locks;

    CommitWriter(DynamoDbClient client, EventTables tables, LogHeads heads, int partitions, int maxAttempts,
                 Runnable beforeCommit, EventStoreObserver observer) {
        this.client = client;
        this.tables = tables;
        this.heads = heads;
        this.maxAttempts = maxAttempts;
        this.beforeCommit = beforeCommit;
        this.observer = observer;
        this.capacities = new ConsumedCapacities(observer);
        this.locks = new PartitionLocks(partitions);
    }

    /**
     * Stores the commit's items, moving each touched partition's head by the number of events it gets there.
     *
     * @throws CommitTooLargeException before anything is written, when the items do not fit one transaction
     * @throws DuplicateEventKeyException when an item's key is taken by another commit
     */
    void write(List<CommitItem> items) {
        Map<Integer, List<CommitItem>> byPartition = new LinkedHashMap<>();
        items.forEach(i -> byPartition.computeIfAbsent(i.partition(), p -> new ArrayList<>()).add(i));
        checkFitsOneTransaction(items, byPartition.size());
        List<Integer> locked = locks.lock(byPartition.keySet());
        try {
            commit(items, byPartition);
        } finally {
            locks.unlock(locked);
        }
    }

    private void commit(List<CommitItem> items, Map<Integer, List<CommitItem>> byPartition) {
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Map<Integer, Long> bases = new LinkedHashMap<>();
            byPartition.keySet().forEach(p -> bases.put(p, heads.cachedOrRead(p)));
            TransactWriteItemsRequest request = transaction(byPartition, bases);
            beforeCommit.run();
            try {
                executeIdempotently(request);
                bases.forEach((p, base) -> heads.learned(p, base + eventCount(byPartition.get(p))));
                return;
            } catch (TransactionCanceledException cancelled) {
                if (handleCancellation(cancelled, items, byPartition)) {
                    return;
                }
                observer.onHeadConflict();
                // The SDK numbers the try about to be made: the first retry is attempt 2.
                pause(HEAD_RACE_BACKOFF.computeDelay(attempt + 1));
            }
        }
        throw new EventStoreUnavailableException("Could not reserve positions in log partitions " + byPartition.keySet()
                + " after " + maxAttempts + " attempts: too much contention on their heads", null);
    }

    private static long eventCount(List<CommitItem> items) {
        return items.stream().mapToLong(CommitItem::count).sum();
    }

    private void checkFitsOneTransaction(List<CommitItem> items, int partitions) {
        int transactionItems = items.size() + partitions;
        long bytes = items.stream().mapToLong(CommitItem::itemBytes).sum() + partitions * HEAD_ITEM_BYTES;
        if (transactionItems > MAX_TRANSACTION_ITEMS || bytes > MAX_TRANSACTION_BYTES) {
            int events = items.stream().mapToInt(CommitItem::count).sum();
            throw new CommitTooLargeException("A unit of work of " + events + " events (" + bytes + " bytes stored) over "
                    + partitions + " log partitions needs " + transactionItems + " transaction items (" + items.size()
                    + " commit items of up to " + CommitItems.ITEM_TARGET_BYTES / 1024 + " KB each, one per aggregate "
                    + "run, plus one head per partition); DynamoDB allows " + MAX_TRANSACTION_ITEMS + " items and "
                    + MAX_TRANSACTION_BYTES + " bytes in one transaction. Nothing was written; split the work over "
                    + "several units of work (first event: " + items.get(0).first().key() + ")");
        }
    }

    private TransactWriteItemsRequest transaction(Map<Integer, List<CommitItem>> byPartition, Map<Integer, Long> bases) {
        List<TransactWriteItem> heads = new ArrayList<>();
        List<TransactWriteItem> puts = new ArrayList<>();
        long stamp = CommitStamps.next();
        byPartition.forEach((partition, partitionItems) -> {
            long base = bases.get(partition);
            heads.add(TransactWriteItem.builder().update(headUpdate(partition, base, base + eventCount(partitionItems))).build());
            long position = base + 1;
            for (CommitItem commitItem : partitionItems) {
                puts.add(TransactWriteItem.builder().put(Put.builder()
                        .tableName(tables.events())
                        .item(commitItem.toItem(position, stamp))
                        .conditionExpression("attribute_not_exists(#aggregateId)")
                        .expressionAttributeNames(Map.of("#aggregateId", AGGREGATE_ID))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build()).build());
                position += commitItem.count();
            }
        });
        List<TransactWriteItem> all = new ArrayList<>(heads);
        all.addAll(puts);
        // The token makes DynamoDB apply this transaction once, however often the SDK or we resend it (10 minutes).
        return TransactWriteItemsRequest.builder().transactItems(all).clientRequestToken(UUID.randomUUID().toString())
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    }

    private Update headUpdate(int partition, long base, long next) {
        Update.Builder update = Update.builder()
                .tableName(tables.heads())
                .key(Map.of(PARTITION, EventItems.number(partition)))
                .updateExpression("SET #pos = :next")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        if (base == 0) {
            return update.conditionExpression("attribute_not_exists(#pos)")
                    .expressionAttributeNames(Map.of("#pos", HEAD_POSITION))
                    .expressionAttributeValues(Map.of(":next", EventItems.number(next)))
                    .build();
        }
        return update.conditionExpression("#pos = :base")
                .expressionAttributeNames(Map.of("#pos", HEAD_POSITION))
                .expressionAttributeValues(Map.of(":next", EventItems.number(next), ":base", EventItems.number(base)))
                .build();
    }

    /**
     * Sends the transaction; when its outcome is unknown (timeouts, 5xx after the SDK's own retries), sends the very same
     * request again: its token makes DynamoDB answer success without applying it twice if the first one went through.
     */
    private void executeIdempotently(TransactWriteItemsRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                capacities.written(client.transactWriteItems(request).consumedCapacity());
                return;
            } catch (TransactionCanceledException cancelled) {
                throw cancelled;
            } catch (SdkException e) {
                if (!DynamoDbErrors.isTransient(e)) {
                    throw new DynamoDbEventStoreException("DynamoDB refused the commit: " + e.getMessage(), e);
                }
                unknownOutcome(request, attempt, e);
            }
        }
    }

    private void unknownOutcome(TransactWriteItemsRequest request, int attempt, SdkException e) {
        if (attempt >= UNKNOWN_OUTCOME_RETRIES) {
            throw new EventStoreUnavailableException("DynamoDB did not answer the commit (token "
                    + request.clientRequestToken() + ") after " + attempt + " tries with the SDK's retries: " + e.getMessage(), e);
        }
        log.warn("Commit outcome unknown ({}); resending the same transaction", e.getMessage());
        pause(UNKNOWN_OUTCOME_BACKOFF.computeDelay(attempt + 1));
    }

    /**
     * @return {@code true} when the cancellation shows the commit is already stored (an earlier attempt whose answer was
     * lost), {@code false} to retry with fresher heads
     */
    private boolean handleCancellation(TransactionCanceledException cancelled, List<CommitItem> items,
                                       Map<Integer, List<CommitItem>> byPartition) {
        List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
        int headCount = byPartition.size();
        if (reasons.size() != headCount + items.size()) {
            throw new DynamoDbEventStoreException("DynamoDB cancelled the commit without per-item reasons: " + cancelled.getMessage(), cancelled);
        }
        List<Integer> partitionOrder = new ArrayList<>(byPartition.keySet());
        // the puts follow the heads in the order of the partitions, as transaction() lays them out
        List<CommitItem> putOrder = new ArrayList<>();
        byPartition.values().forEach(putOrder::addAll);
        Set<String> ourIds = new HashSet<>();
        items.forEach(i -> i.events().forEach(e -> ourIds.add(e.message().getIdentifier())));
        int takenByOthers = -1;
        int takenByUs = 0;
        for (int i = 0; i < putOrder.size(); i++) {
            CancellationReason reason = reasons.get(headCount + i);
            if ("ConditionalCheckFailed".equals(reason.code())) {
                String existingId = EventItems.firstEventIdOf(reason.item());
                if (existingId != null && ourIds.contains(existingId)) {
                    takenByUs++;
                } else if (takenByOthers < 0) {
                    takenByOthers = i;
                }
            }
        }
        if (takenByOthers >= 0) {
            PreparedEvent failed = putOrder.get(takenByOthers).first();
            throw new DuplicateEventKeyException("An event already exists at " + failed.key(), failed.message(), cancelled);
        }
        if (takenByUs == putOrder.size()) {
            return true;
        }
        for (int i = 0; i < headCount; i++) {
            CancellationReason reason = reasons.get(i);
            String code = reason.code();
            if ("ConditionalCheckFailed".equals(code)) {
                Map<String, AttributeValue> current = reason.item();
                if (current != null && current.containsKey(HEAD_POSITION)) {
                    heads.learned(partitionOrder.get(i), EventItems.longOf(current, HEAD_POSITION));
                } else {
                    // No current value came back (a DynamoDB without ReturnValuesOnConditionCheckFailure in
                    // transactions): read the head, or the retry would repeat the same stale position forever.
                    heads.refresh(partitionOrder.get(i));
                }
            } else if (!DynamoDbErrors.isRetryableCancellationReason(code)) {
                throw new DynamoDbEventStoreException("DynamoDB cancelled the commit: " + code + " " + reason.message(), cancelled);
            }
        }
        for (int i = headCount; i < reasons.size(); i++) {
            String code = reasons.get(i).code();
            if (!DynamoDbErrors.isRetryableCancellationReason(code) && !"ConditionalCheckFailed".equals(code)) {
                throw new DynamoDbEventStoreException("DynamoDB cancelled the commit: " + code + " " + reasons.get(i).message(), cancelled);
            }
        }
        return false;
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreUnavailableException("Interrupted while retrying a commit", e);
        }
    }
}
