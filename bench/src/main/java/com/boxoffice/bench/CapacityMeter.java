package com.boxoffice.bench;

import com.boxoffice.axon.dynamodb.schema.ItemSizes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Counts DynamoDB requests and capacity two ways: as DynamoDB Local reports it ({@code ReturnConsumedCapacity=TOTAL},
 * asked for on every request) and as AWS's published rules compute it from item sizes:
 * <ul>
 *     <li>write: 1 WCU per started KB per item; inside a transaction twice that; a put whose item carries a GSI's key
 *     attributes also writes the index: 1 WCU per started KB (ALL projection);</li>
 *     <li>read: a Query or Scan costs 1 RCU per started 4 KB of all items it returns (strongly consistent; half when
 *     eventually consistent, as GSI queries always are); GetItem and BatchGetItem per item.</li>
 * </ul>
 * An update's item size is taken as the size of the attributes it writes plus the key: the small head items this
 * project updates are far below 1 KB either way.
 */
final class CapacityMeter implements ExecutionInterceptor {

    private final Set<String> gsiKeyAttributes;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong itemsRead = new AtomicLong();
    private final DoubleAdder reportedWrite = new DoubleAdder();
    private final DoubleAdder reportedRead = new DoubleAdder();
    private final DoubleAdder computedWrite = new DoubleAdder();
    private final DoubleAdder computedRead = new DoubleAdder();

    /** @param gsiKeyAttributes the attributes whose presence on a put means the item is also written to a GSI */
    CapacityMeter(Set<String> gsiKeyAttributes) {
        this.gsiKeyAttributes = gsiKeyAttributes;
    }

    /** @param itemsRead items returned by Query, Scan, GetItem and BatchGetItem */
    record Snapshot(long requests, double reportedWrite, double reportedRead, double computedWrite, double computedRead,
                    long itemsRead) {
        Snapshot minus(Snapshot earlier) {
            return new Snapshot(requests - earlier.requests, reportedWrite - earlier.reportedWrite,
                    reportedRead - earlier.reportedRead, computedWrite - earlier.computedWrite,
                    computedRead - earlier.computedRead, itemsRead - earlier.itemsRead);
        }
    }

    Snapshot snapshot() {
        return new Snapshot(requests.get(), reportedWrite.sum(), reportedRead.sum(), computedWrite.sum(), computedRead.sum(),
                itemsRead.get());
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof PutItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof UpdateItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof TransactWriteItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof QueryRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof ScanRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof GetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof BatchGetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        requests.incrementAndGet();
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        if (request instanceof PutItemRequest r && response instanceof PutItemResponse p) {
            computedWrite.add(writeUnits(r.item(), 1));
            report(p.consumedCapacity(), true);
        } else if (request instanceof UpdateItemRequest r && response instanceof UpdateItemResponse u) {
            computedWrite.add(units(ItemSizes.of(r.key()) + valuesSize(r.expressionAttributeValues()), 1024));
            report(u.consumedCapacity(), true);
        } else if (request instanceof TransactWriteItemsRequest r && response instanceof TransactWriteItemsResponse t) {
            for (TransactWriteItem item : r.transactItems()) {
                computedWrite.add(transactWriteUnits(item));
            }
            t.consumedCapacity().forEach(c -> report(c, true));
        } else if (request instanceof QueryRequest r && response instanceof QueryResponse q) {
            long bytes = q.items().stream().mapToLong(ItemSizes::of).sum();
            boolean consistent = Boolean.TRUE.equals(r.consistentRead());
            computedRead.add(units(bytes, 4096) * (consistent ? 1.0 : 0.5));
            itemsRead.addAndGet(q.items().size());
            report(q.consumedCapacity(), false);
        } else if (request instanceof ScanRequest r && response instanceof ScanResponse q) {
            long bytes = q.items().stream().mapToLong(ItemSizes::of).sum();
            boolean consistent = Boolean.TRUE.equals(r.consistentRead());
            computedRead.add(units(bytes, 4096) * (consistent ? 1.0 : 0.5));
            itemsRead.addAndGet(q.items().size());
            report(q.consumedCapacity(), false);
        } else if (request instanceof GetItemRequest r && response instanceof GetItemResponse g) {
            computedRead.add(units(g.hasItem() ? ItemSizes.of(g.item()) : 0, 4096) * (Boolean.TRUE.equals(r.consistentRead()) ? 1.0 : 0.5));
            itemsRead.addAndGet(g.hasItem() ? 1 : 0);
            report(g.consumedCapacity(), false);
        } else if (request instanceof BatchGetItemRequest r && response instanceof BatchGetItemResponse b) {
            b.responses().forEach((table, items) -> {
                boolean consistent = Boolean.TRUE.equals(r.requestItems().get(table).consistentRead());
                items.forEach(item -> computedRead.add(units(ItemSizes.of(item), 4096) * (consistent ? 1.0 : 0.5)));
                itemsRead.addAndGet(items.size());
            });
            b.consumedCapacity().forEach(c -> report(c, false));
        }
    }

    private double transactWriteUnits(TransactWriteItem item) {
        if (item.put() != null) {
            return writeUnits(item.put().item(), 2);
        }
        if (item.update() != null) {
            return 2.0 * units(ItemSizes.of(item.update().key()) + valuesSize(item.update().expressionAttributeValues()), 1024);
        }
        if (item.delete() != null) {
            return 2.0 * units(ItemSizes.of(item.delete().key()), 1024);
        }
        // ConditionCheck: 2 WCU per item in a transaction, per AWS's pricing notes.
        return 2.0 * units(ItemSizes.of(item.conditionCheck().key()), 1024);
    }

    private double writeUnits(Map<String, AttributeValue> item, int factor) {
        long size = ItemSizes.of(item);
        double table = factor * units(size, 1024);
        boolean indexed = !gsiKeyAttributes.isEmpty() && item.keySet().containsAll(gsiKeyAttributes);
        return indexed ? table + units(size, 1024) : table;
    }

    private static long valuesSize(Map<String, AttributeValue> values) {
        return values == null ? 0 : values.values().stream().mapToLong(ItemSizes::of).sum();
    }

    private static long units(long bytes, int unit) {
        return Math.max(1, (bytes + unit - 1) / unit);
    }

    private void report(ConsumedCapacity capacity, boolean write) {
        if (capacity == null || capacity.capacityUnits() == null) {
            return;
        }
        (write ? reportedWrite : reportedRead).add(capacity.capacityUnits());
    }

}
