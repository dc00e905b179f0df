package com.boxoffice.axon.kinesis;

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

    public KinesisPublisher(CloudEventsMapper mapper, OrderedPutRecords putRecords, PublishStatus status) {
        this.mapper = mapper;
        this.putRecords = putRecords;
        this.status = status;
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
}
