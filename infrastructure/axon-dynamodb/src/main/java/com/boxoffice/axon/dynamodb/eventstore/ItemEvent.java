package com.boxoffice.axon.dynamodb.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;

/**
 * One event as unpacked from a stored item, with its coordinates: its partition and position in the log (per event,
 * so tokens stay exact inside an item of several events), and the commit stamp and index that order the stream's merge.
 *
 * @param aggregateType {@code null} for an event no aggregate published (stored under its own id at sequence 0)
 */
record ItemEvent(int partition, long position, long commitStamp, int indexInCommit, String aggregateType,
                 String aggregateId, long sequence, StoredEvent.Parts parts) {

    long timestampMs() {
        return parts.timestamp().toEpochMilli();
    }

    DomainEventData<byte[]> toDomainEventData() {
        return new StoredEvent.Domain(aggregateType, aggregateId, sequence, parts);
    }

    TrackedEventData<byte[]> toTrackedEventData(TrackingToken token) {
        if (aggregateType == null) {
            return new StoredEvent.Tracked(token, parts);
        }
        return new TrackedDomainEventData<>(token, toDomainEventData());
    }

    /** The stream's merge order: commit stamp, index in commit, then partition. */
    boolean before(ItemEvent other) {
        int byStamp = Long.compare(commitStamp, other.commitStamp);
        if (byStamp != 0) {
            return byStamp < 0;
        }
        int byIndex = Integer.compare(indexInCommit, other.indexInCommit);
        return byIndex != 0 ? byIndex < 0 : partition < other.partition;
    }
}
