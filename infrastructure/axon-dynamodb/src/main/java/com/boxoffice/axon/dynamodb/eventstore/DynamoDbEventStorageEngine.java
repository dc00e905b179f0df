package com.boxoffice.axon.dynamodb.eventstore;

import com.boxoffice.axon.dynamodb.schema.ItemSizes;
import com.boxoffice.axon.dynamodb.support.DynamoDbErrors;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static com.boxoffice.axon.dynamodb.eventstore.EventTables.AGGREGATE_ID;
import static com.boxoffice.axon.dynamodb.eventstore.EventTables.SEQ;
import static org.axonframework.common.BuilderUtils.assertNonNull;
import static org.axonframework.common.BuilderUtils.assertStrictPositive;
import static org.axonframework.common.BuilderUtils.assertThat;

/**
 * An Axon {@code EventStorageEngine} on DynamoDB whose global stream never skips or duplicates a committed event.
 * See the package documentation for the design. Build one with {@link #builder()}.
 */
public class DynamoDbEventStorageEngine extends BatchingEventStorageEngine {

    private final DynamoDbClient client;
    private final EventTables tables;
    private final LogPartitioner partitioner;
    private final LogHeads heads;
    private final CommitWriter writer;
    private final AggregateSequences sequences;
    private final StreamReader reader;
    private final Duration clockSkew;
    private final boolean compressEvents;
    private final EventStoreObserver observer;
    private final ConsumedCapacities capacities;

    /**
     * Instantiates an engine from a {@link Builder}, validating it first (an {@link AxonConfigurationException} names
     * what is missing or wrong).
     */
    protected DynamoDbEventStorageEngine(Builder builder) {
        this(builder, () -> {
        });
    }

    /**
     * For tests: {@code beforeCommit} runs after a commit's positions are assigned and before it is sent, so a test can
     * widen the window in which other writers commit. Not on the builder: it is no setting of the engine.
     */
    DynamoDbEventStorageEngine(Builder builder, Runnable beforeCommit) {
        super(builder);
        this.client = builder.client;
        this.tables = builder.tables;
        this.observer = builder.observer;
        this.capacities = new ConsumedCapacities(observer);
        this.partitioner = new LogPartitioner(builder.partitions, builder.partitionKey);
        this.heads = new LogHeads(client, tables.heads(), builder.partitions, capacities);
        this.writer = new CommitWriter(client, tables, heads, builder.partitions, builder.maxCommitAttempts, beforeCommit, observer);
        this.sequences = new AggregateSequences(client, tables, capacities);
        this.reader = new StreamReader(client, tables, heads, builder.partitions, capacities);
        this.clockSkew = builder.clockSkew;
        this.compressEvents = builder.compressEvents;
    }

    /** A builder; see {@link Builder} for what it needs and its defaults. */
    public static Builder builder() {
        return new Builder();
    }

    public EventTables tables() {
        return tables;
    }

    public int partitions() {
        return partitioner.partitions();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        EventStoreObserver.AppendOutcome outcome = EventStoreObserver.AppendOutcome.ERROR;
        try {
            append(events, serializer);
            outcome = EventStoreObserver.AppendOutcome.SUCCESS;
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            // the latter is Axon's answer to a conflict at sequence 0 (a second aggregate with the same id)
            outcome = EventStoreObserver.AppendOutcome.CONFLICT;
            throw e;
        } finally {
            observer.onAppend(Duration.ofNanos(System.nanoTime() - start), outcome);
        }
    }

    private void append(List<? extends EventMessage<?>> events, Serializer serializer) {
        List<PreparedEvent> prepared = new ArrayList<>(events.size());
        Set<EventItems.Key> keys = new HashSet<>();
        Set<String> identifiers = new HashSet<>();
        for (EventMessage<?> event : events) {
            EventItems.Key key = EventItems.keyOf(event);
            if (!keys.add(key) || !identifiers.add(event.getIdentifier())) {
                // DynamoDB keeps no index on event ids (it would cost a write per event); a commit never repeats one.
                handlePersistenceException(new DuplicateEventKeyException("The commit holds " + key + " or event "
                        + event.getIdentifier() + " twice", event, null), event);
            }
            PreparedEvent one = new PreparedEvent(event, key, EventItems.aggregateTypeOf(event),
                    EventItems.serialize(event, serializer), partitioner.partitionOf(key.aggregateId()), prepared.size());
            // Uncompressed: whether an event can be stored must not depend on how well its bytes deflate.
            long bytes = CommitItem.of(one.partition(), List.of(one), false).itemBytes();
            if (bytes > ItemSizes.MAX_ITEM_BYTES) {
                throw new EventTooLargeException(key.aggregateId(), key.sequence(), bytes, ItemSizes.MAX_ITEM_BYTES);
            }
            prepared.add(one);
        }
        List<CommitItem> items = CommitItems.of(prepared, compressEvents);
        try {
            sequences.checkFree(items);
            writer.write(items);
            items.stream().filter(i -> i.first().isDomain())
                    .forEach(i -> sequences.learned(i.first().key().aggregateId(), i.lastSeq()));
        } catch (DuplicateEventKeyException e) {
            handlePersistenceException(e, e.failedEvent());
        } catch (SdkException e) {
            throw translate("append events of " + EventItems.keyOf(events.get(0)), e);
        }
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Map<String, AttributeValue> item = EventItems.toSnapshotItem(snapshot, serializer);
        long bytes = ItemSizes.of(item);
        if (bytes > ItemSizes.MAX_ITEM_BYTES) {
            throw new EventTooLargeException(snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber(), bytes, ItemSizes.MAX_ITEM_BYTES);
        }
        try {
            capacities.written(client.putItem(r -> r.tableName(tables.snapshots())
                    .item(item)
                    // Only the latest snapshot matters: a slow snapshotter must not replace a newer one.
                    .conditionExpression("attribute_not_exists(#id) OR #seq < :seq")
                    .expressionAttributeNames(Map.of("#id", AGGREGATE_ID, "#seq", SEQ))
                    .expressionAttributeValues(Map.of(":seq", EventItems.number(snapshot.getSequenceNumber())))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
        } catch (ConditionalCheckFailedException newerExists) {
            // a snapshot at or after this sequence is stored already
        } catch (SdkException e) {
            throw translate("store the snapshot of " + snapshot.getAggregateIdentifier(), e);
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        GetItemResponse response = call("read the snapshot of " + aggregateIdentifier,
                () -> client.getItem(r -> r.tableName(tables.snapshots()).consistentRead(true)
                        .key(Map.of(AGGREGATE_ID, AttributeValue.fromS(aggregateIdentifier)))
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)));
        capacities.read(response.consumedCapacity());
        Map<String, AttributeValue> item = response.item();
        return item == null || item.isEmpty() ? Stream.empty() : Stream.of(EventItems.toDomainEventData(item));
    }

    /**
     * A full batch unless the aggregate has no more events: a Query page stops at 1 MB whatever its limit, so pages are
     * followed (the paginator's) until the batch is full; a short batch would make Axon believe it read the whole
     * aggregate. The paginator is lazy: once the batch is full no further page is asked for. Pages are returned whole
     * (a batch may hold more than {@code batchSize} events, which Axon accepts): the query's limit counts items, and
     * an item holds a commit's events.
     * <p>
     * {@code firstSequenceNumber} may fall inside a commit item (a snapshot taken in the middle of a commit, or
     * Axon's conformance tests reading from an arbitrary sequence): when no item starts there, the item before it is
     * read as well and its events from {@code firstSequenceNumber} on are delivered first. That extra read is skipped
     * when this engine knows that an item ends right before {@code firstSequenceNumber} (it wrote or read it).
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        QueryRequest query = QueryRequest.builder()
                .tableName(tables.events())
                .consistentRead(true)
                .keyConditionExpression("#id = :id AND #seq >= :first")
                .expressionAttributeNames(Map.of("#id", AGGREGATE_ID, "#seq", SEQ))
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(aggregateIdentifier),
                        ":first", EventItems.number(firstSequenceNumber)))
                .limit(batchSize)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
        return call("read aggregate " + aggregateIdentifier, () -> {
            List<DomainEventData<?>> events = new ArrayList<>(batchSize);
            boolean startChecked = firstSequenceNumber == 0
                    || sequences.knownEnd(aggregateIdentifier) == firstSequenceNumber - 1;
            for (QueryResponse page : client.queryPaginator(query)) {
                capacities.read(page.consumedCapacity());
                for (Map<String, AttributeValue> item : page.items()) {
                    if (!startChecked && EventItems.sequenceOf(item) != firstSequenceNumber) {
                        events.addAll(eventsOfItemCovering(aggregateIdentifier, firstSequenceNumber));
                    }
                    startChecked = true;
                    EventItems.eventsOf(item).forEach(e -> events.add(e.toDomainEventData()));
                    sequences.learned(aggregateIdentifier, EventItems.lastSeqOf(item));
                }
                // Whole pages: their items are paid for whether delivered now or read again with the next batch.
                if (events.size() >= batchSize) {
                    return events;
                }
            }
            if (!startChecked) {
                events.addAll(eventsOfItemCovering(aggregateIdentifier, firstSequenceNumber));
            }
            return events;
        });
    }

    /** The events from {@code sequence} on of the item that starts before it and holds it, if one does. */
    private List<DomainEventData<?>> eventsOfItemCovering(String aggregateIdentifier, long sequence) {
        QueryResponse response = client.query(r -> r
                .tableName(tables.events())
                .consistentRead(true)
                .keyConditionExpression("#id = :id AND #seq < :seq")
                .expressionAttributeNames(Map.of("#id", AGGREGATE_ID, "#seq", SEQ))
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(aggregateIdentifier),
                        ":seq", EventItems.number(sequence)))
                .scanIndexForward(false)
                .limit(1)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        capacities.read(response.consumedCapacity());
        List<DomainEventData<?>> events = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            EventItems.eventsOf(item).stream().filter(e -> e.sequence() >= sequence)
                    .forEach(e -> events.add(e.toDomainEventData()));
        }
        return events;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return call("read the global stream", () -> reader.read(token(lastToken), batchSize));
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return call("read the last sequence of " + aggregateIdentifier, () -> sequences.last(aggregateIdentifier));
    }

    @Override
    public TrackingToken createTailToken() {
        return PartitionedLogToken.tail(partitioner.partitions());
    }

    @Override
    public TrackingToken createHeadToken() {
        return new PartitionedLogToken(call("read the log heads", heads::readAll));
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return call("find the stream position at " + dateTime, () -> reader.tokenAt(dateTime, clockSkew));
    }

    private PartitionedLogToken token(TrackingToken token) {
        if (token == null) {
            return PartitionedLogToken.tail(partitioner.partitions());
        }
        if (!(token instanceof PartitionedLogToken partitioned)) {
            throw new IllegalArgumentException("This store reads from a PartitionedLogToken, not " + token);
        }
        if (partitioned.partitions() != partitioner.partitions()) {
            throw new IllegalArgumentException("The token has " + partitioned.partitions() + " partitions, the store "
                    + partitioner.partitions() + ": the partition count of a store is fixed for the life of its tables");
        }
        return partitioned;
    }

    private static <T> T call(String what, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (SdkException e) {
            throw translate(what, e);
        }
    }

    private static RuntimeException translate(String what, SdkException e) {
        if (DynamoDbErrors.isTransient(e)) {
            return new EventStoreUnavailableException("DynamoDB unavailable to " + what + " after retries: " + e.getMessage(), e);
        }
        return new DynamoDbEventStoreException("DynamoDB refused to " + what + ": " + e.getMessage(), e);
    }

    /**
     * Builds a {@link DynamoDbEventStorageEngine}.
     * <p>
     * Hard requirements: the {@link #client(DynamoDbClient) client} and the {@link #tables(EventTables) tables}.
     * Defaults: 16 {@link #partitions(int) partitions}, each aggregate's partition by its whole id, 100 {@link #maxCommitAttempts(int) commit attempts}, one minute
     * of {@link #clockSkew(Duration) clock skew}, {@link EventStoreObserver#NONE no observer}, events
     * {@link #compressEvents(boolean) compressed} where worth it; and Axon's defaults for
     * the rest: a batch size of 100, no upcasters, every snapshot accepted, and Axon's default serializers (XStream)
     * unless {@link #eventSerializer} and {@link #snapshotSerializer} are set, as they should be. The persistence
     * exception resolver recognises this engine's duplicate keys as Axon's concurrency conflicts; replace it only with
     * one that still does. Setters refuse invalid values at once with an {@link AxonConfigurationException}.
     */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private DynamoDbClient client;
        private EventTables tables;
        private int partitions = 16;
        private PartitionKey partitionKey = PartitionKey.WHOLE_ID;
        private int maxCommitAttempts = 100;
        private Duration clockSkew = Duration.ofMinutes(1);
        private EventStoreObserver observer = EventStoreObserver.NONE;
        private boolean compressEvents = true;

        protected Builder() {
            persistenceExceptionResolver(Builder::isDuplicateKey);
        }

        private static boolean isDuplicateKey(Exception e) {
            return e instanceof DuplicateEventKeyException;
        }

        /** The client the engine reads and writes with. Required. */
        public Builder client(DynamoDbClient client) {
            assertNonNull(client, "The DynamoDbClient may not be null");
            this.client = client;
            return this;
        }

        /** The event store's tables (they must exist, see {@link EventTables#specs()}). Required. */
        public Builder tables(EventTables tables) {
            assertNonNull(tables, "The EventTables may not be null");
            this.tables = tables;
            return this;
        }

        /**
         * Log partitions, 1 to 1024; fixed for the life of the tables (tokens and aggregates' homes depend on it).
         * Default 16.
         */
        public Builder partitions(int partitions) {
            assertThat(partitions, p -> p >= 1 && p <= 1024, "Partitions must be 1..1024, was " + partitions);
            this.partitions = partitions;
            return this;
        }

        /**
         * What decides an aggregate's partition; fixed for the life of the tables, like the count (see
         * {@link PartitionKey}). Default {@link PartitionKey#WHOLE_ID}.
         */
        public Builder partitionKey(PartitionKey partitionKey) {
            assertNonNull(partitionKey, "The PartitionKey may not be null; PartitionKey.WHOLE_ID is the default");
            this.partitionKey = partitionKey;
            return this;
        }

        /** How often a commit is tried when it keeps losing races for a partition head; at least 1. Default 100. */
        public Builder maxCommitAttempts(int maxCommitAttempts) {
            assertStrictPositive(maxCommitAttempts, "maxCommitAttempts must be at least 1, was " + maxCommitAttempts);
            this.maxCommitAttempts = maxCommitAttempts;
            return this;
        }

        /** How far writers' clocks may disagree, for {@code createTokenAt}; zero or more. Default one minute. */
        public Builder clockSkew(Duration clockSkew) {
            assertThat(clockSkew, skew -> skew != null && !skew.isNegative(),
                    "The clock skew must be zero or positive, was " + clockSkew);
            this.clockSkew = clockSkew;
            return this;
        }

        /**
         * Told about appends, head conflicts and consumed capacity, e.g. to keep meters. Default
         * {@link EventStoreObserver#NONE}, which observes nothing.
         */
        public Builder observer(EventStoreObserver observer) {
            assertNonNull(observer, "The observer may not be null; EventStoreObserver.NONE observes nothing");
            this.observer = observer;
            return this;
        }

        /**
         * Whether a commit item's events are stored deflated when that saves a tenth or more of their bytes (fewer
         * write and read units: events of one aggregate repeat their type and field names). Readers of every version
         * of this layout inflate them either way. Default {@code true}.
         */
        public Builder compressEvents(boolean compressEvents) {
            this.compressEvents = compressEvents;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        public Builder finalAggregateBatchPredicate(Predicate<List<? extends DomainEventData<?>>> predicate) {
            super.finalAggregateBatchPredicate(predicate);
            return this;
        }

        /** Checks the hard requirements; the engine's constructor calls it. */
        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            assertNonNull(client, "The DynamoDbClient is a hard requirement and should be provided");
            assertNonNull(tables, "The EventTables are a hard requirement and should be provided");
        }

        /** @throws AxonConfigurationException when a hard requirement is missing */
        public DynamoDbEventStorageEngine build() {
            return new DynamoDbEventStorageEngine(this);
        }
    }
}
