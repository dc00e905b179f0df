package com.boxoffice.axon.dynamodb.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;

import java.time.Instant;

/**
 * An event as read from its item, in the form Axon deserializes and upcasts. Two shapes, because Axon tells domain
 * events from others by type: {@link Domain} (published by an aggregate) and {@link Tracked} (with a stream position).
 */
final class StoredEvent {

    private StoredEvent() {
    }

    /** The serialized parts every stored event has. */
    record Parts(String eventId, Instant timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
    }

    /** Axon's view of the parts, shared by both shapes. */
    private interface FromParts extends EventData<byte[]> {

        Parts parts();

        @Override
        default String getEventIdentifier() {
            return parts().eventId();
        }

        @Override
        default Instant getTimestamp() {
            return parts().timestamp();
        }

        @Override
        default SerializedObject<byte[]> getMetaData() {
            return new SerializedMetaData<>(parts().metaData(), byte[].class);
        }

        @Override
        default SerializedObject<byte[]> getPayload() {
            return new SimpleSerializedObject<>(parts().payload(), byte[].class, parts().payloadType(), parts().payloadRevision());
        }
    }

    /** An event of an aggregate: sourcing reads these, and the stream wraps them with their token. */
    record Domain(String type, String aggregateId, long sequence, Parts parts) implements DomainEventData<byte[]>, FromParts {

        @Override
        public String getType() {
            return type;
        }

        @Override
        public String getAggregateIdentifier() {
            return aggregateId;
        }

        @Override
        public long getSequenceNumber() {
            return sequence;
        }
    }

    /** An event no aggregate published, at its stream position. */
    record Tracked(TrackingToken token, Parts parts) implements TrackedEventData<byte[]>, FromParts {

        @Override
        public TrackingToken trackingToken() {
            return token;
        }
    }
}
