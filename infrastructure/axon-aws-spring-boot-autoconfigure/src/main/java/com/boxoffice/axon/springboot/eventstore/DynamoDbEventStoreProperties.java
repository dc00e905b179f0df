package com.boxoffice.axon.springboot.eventstore;

import com.boxoffice.axon.dynamodb.eventstore.PartitionKey;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The DynamoDB event store. Table names get {@code boxoffice.dynamodb.table-prefix} in front.
 *
 * @param partitions        log partitions of the global stream; fixed for the life of the tables
 * @param batchSize         events per read when sourcing aggregates and streaming (it does not limit what a unit of
 *                          work appends: that is bounded by DynamoDB's transaction, 100 items and 4 MB)
 * @param eventsTable       events, keyed by aggregate and sequence, with the stream index
 * @param headsTable        one item per log partition
 * @param snapshotsTable    the latest snapshot per aggregate
 * @param maxCommitAttempts retries of a commit that lost the race for a partition head
 * @param clockSkew         how far writers' clocks may disagree, for tokens at a point in time
 * @param pollingInterval   how long Axon's event store waits before asking DynamoDB again when the stream is idle;
 *                          events of other JVMs arrive up to this late, and an idle poll costs one Scan of the heads
 *                          (eventually consistent: half a read unit for up to 200 partitions)
 * @param partitionKeySeparator when set, aggregates whose ids start with the same text before this character share a
 *                          log partition ({@code PartitionKey.prefixBefore}), so a unit of work writing them together
 *                          moves one head; unset, every aggregate is placed by its whole id. Fixed for the life of the
 *                          tables, like the partition count. A {@code PartitionKey} bean takes precedence.
 * @param notifyProcessors  whether pooled streaming processors are told of new events as they arrive (see
 *                          {@code NotifyingEmbeddedEventStore}) rather than looking every 500 ms
 * @param compressEvents    whether a commit item's events are stored deflated where that saves a tenth or more of
 *                          their bytes (fewer write and read units); readers inflate them either way
 */
@ConfigurationProperties("boxoffice.eventstore")
public record DynamoDbEventStoreProperties(
        @DefaultValue("16") int partitions,
        @DefaultValue("100") int batchSize,
        @DefaultValue("events") String eventsTable,
        @DefaultValue("event-heads") String headsTable,
        @DefaultValue("snapshots") String snapshotsTable,
        @DefaultValue("100") int maxCommitAttempts,
        @DefaultValue("1m") Duration clockSkew,
        @DefaultValue("1s") Duration pollingInterval,
        @DefaultValue("true") boolean notifyProcessors,
        Character partitionKeySeparator,
        @DefaultValue("true") boolean compressEvents) {

    /** The partition key these properties describe. */
    public PartitionKey partitionKey() {
        return partitionKeySeparator == null ? PartitionKey.WHOLE_ID : PartitionKey.prefixBefore(partitionKeySeparator);
    }
}
