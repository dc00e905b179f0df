package com.boxoffice.axon.kinesis;

import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.BuilderUtils;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * Publishes every event of the event store to the all-events stream: an event handler of its own streaming processor
 * ({@value #PROCESSING_GROUP}, a pooled streaming processor with a batch size, see {@link KinesisPublisherProcessor}),
 * so the event store is the outbox and the processor's token is the publishing position.
 * <p>
 * The processor hands a batch of events to one unit of work; the handler only converts and buffers them, and the
 * buffer goes to Kinesis when the unit of work prepares to commit, that is before the processor stores the new token.
 * If Kinesis does not accept every record within the retry duration, the unit of work rolls back, the token stays
 * and the processor retries the batch later: at-least-once, duplicates carry the same CloudEvents id. Commands never
 * wait for this: they only append to the event store.
 * <p>
 * Replays (an operator resetting the processor's token) are published too, with the CloudEvents extension
 * {@code replay=true}.
 */
@ProcessingGroup(KinesisPublisher.PROCESSING_GROUP)
public class KinesisPublisher {

    public static final String PROCESSING_GROUP = "kinesis-publisher";

    private final CloudEventsMapper mapper;
    private final OrderedPutRecords putRecords;
    private final PublishStatus status;
    private final String resourceKey = KinesisPublisher.class.getName() + "@" + System.identityHashCode(this);

    /**
     * Builds the publisher from a {@link Builder}, checking it first.
     *
     * @throws AxonConfigurationException when a required setting is missing
     */
    protected KinesisPublisher(Builder builder) {
        builder.validate();
        this.mapper = builder.mapper;
        this.putRecords = builder.putRecords;
        this.status = builder.status;
    }

    /**
     * A builder. Required: {@link Builder#putRecords} (the sender). Defaults: {@link Builder#mapper}
     * {@link CloudEventsMapper#defaults()}, {@link Builder#status} a new {@link PublishStatus} (give the sender's own
     * status, so that lag and health see both sides).
     */
    public static Builder builder() {
        return new Builder();
    }

    @EventHandler
    public void on(EventMessage<?> event, ReplayStatus replayStatus) {
        PendingRecord record = new PendingRecord(event.getIdentifier(), CloudEventsMapper.partitionKey(event),
                mapper.toCloudEvent(event, replayStatus.isReplay()), event.getTimestamp());
        status.pending(record.timestamp());
        if (!CurrentUnitOfWork.isStarted()) {
            publish(List.of(record));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<PendingRecord> batch = root.getOrComputeResource(resourceKey, key -> {
            List<PendingRecord> records = new ArrayList<>();
            root.onPrepareCommit(unitOfWork -> publish(records));
            return records;
        });
        batch.add(record);
    }

    private void publish(List<PendingRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        putRecords.send(records);
        status.batchDone();
    }

    public PublishStatus status() {
        return status;
    }

    /** Builds a {@link KinesisPublisher}; each setter asserts its argument. */
    public static class Builder {

        private CloudEventsMapper mapper = CloudEventsMapper.defaults();
        private OrderedPutRecords putRecords;
        private PublishStatus status = new PublishStatus();

        /** How events become CloudEvents records. Defaults to {@link CloudEventsMapper#defaults()}. */
        public Builder mapper(CloudEventsMapper mapper) {
            BuilderUtils.assertNonNull(mapper, "The CloudEventsMapper may not be null");
            this.mapper = mapper;
            return this;
        }

        /** The sender that puts the records on the stream, in order. Required. */
        public Builder putRecords(OrderedPutRecords putRecords) {
            BuilderUtils.assertNonNull(putRecords, "The OrderedPutRecords sender may not be null");
            this.putRecords = putRecords;
            return this;
        }

        /** Where the publisher reports pending and finished batches. Defaults to a new {@link PublishStatus}. */
        public Builder status(PublishStatus status) {
            BuilderUtils.assertNonNull(status, "The PublishStatus may not be null");
            this.status = status;
            return this;
        }

        public KinesisPublisher build() {
            return new KinesisPublisher(this);
        }

        /** @throws AxonConfigurationException when the sender is missing */
        protected void validate() {
            BuilderUtils.assertNonNull(putRecords, "The OrderedPutRecords sender is a hard requirement and must be provided");
        }
    }
}
