package com.boxoffice.axon.dynamodb.deadletter;

import com.boxoffice.axon.dynamodb.schema.ItemSizes;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.AGGREGATE_ID;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.AGGREGATE_SEQUENCE;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.AGGREGATE_TYPE;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.CAUSE_MESSAGE;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.CAUSE_TYPE;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.DIAGNOSTICS;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.ENQUEUED_AT;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.INDEX;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.KIND;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.LAST_TOUCHED;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.MESSAGE_ID;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.META_DATA;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.PAYLOAD;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.PAYLOAD_REVISION;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.PAYLOAD_TYPE;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.SEQUENCE_ID;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.TIMESTAMP;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.TOKEN;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.TOKEN_REVISION;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.TOKEN_TYPE;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.letterKey;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.n;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.number;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.string;

/**
 * A letter as a DynamoDB item and back. Payload and metadata are written with the event serializer, the tracking
 * token and the diagnostics with the general one (as Axon's JDBC queue does); messages read back deserialize their
 * payload and metadata lazily, so listing letters needs none of the payload classes.
 * <p>
 * Limits: a cause message is cut to {@value #MAX_CAUSE_MESSAGE} characters (Axon's own truncation length); an item
 * that would still exceed DynamoDB's 400 KB loses its diagnostics (replaced by a note saying so), and one whose message
 * alone is too large is refused with {@link DynamoDbDeadLetterQueueException}.
 */
final class LetterCodec {

    static final int MAX_CAUSE_MESSAGE = ThrowableCause.TRUNCATED_MESSAGE_SIZE;
    /** Room for the transaction's own overhead and the index's attributes. */
    static final int MAX_LETTER_BYTES = 390 * 1024;
    static final String DROPPED_DIAGNOSTICS = "boxoffice.diagnosticsDropped";

    private static final String EVENT = "event";
    private static final String DOMAIN = "domain";
    private static final String TRACKED = "tracked";
    private static final String TRACKED_DOMAIN = "tracked-domain";

    private final Serializer eventSerializer;
    private final Serializer genericSerializer;

    LetterCodec(Serializer eventSerializer, Serializer genericSerializer) {
        this.eventSerializer = eventSerializer;
        this.genericSerializer = genericSerializer;
    }

    Map<String, AttributeValue> item(String group, String sequenceId, long index, DeadLetter<?> letter) {
        Map<String, AttributeValue> item = new HashMap<>(letterKey(group, sequenceId, index));
        item.put(SEQUENCE_ID, AttributeValue.fromS(sequenceId));
        item.put(INDEX, n(index));
        EventMessage<?> message = (EventMessage<?>) letter.message();
        item.put(MESSAGE_ID, AttributeValue.fromS(message.getIdentifier()));
        item.put(TIMESTAMP, AttributeValue.fromS(message.getTimestamp().toString()));
        SerializedObject<byte[]> payload = message.serializePayload(eventSerializer, byte[].class);
        item.put(PAYLOAD, bytes(payload.getData()));
        item.put(PAYLOAD_TYPE, AttributeValue.fromS(payload.getType().getName()));
        if (payload.getType().getRevision() != null) {
            item.put(PAYLOAD_REVISION, AttributeValue.fromS(payload.getType().getRevision()));
        }
        item.put(META_DATA, bytes(message.serializeMetaData(eventSerializer, byte[].class).getData()));
        boolean domain = message instanceof DomainEventMessage<?>;
        boolean tracked = message instanceof TrackedEventMessage<?> t && t.trackingToken() != null;
        if (domain) {
            DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) message;
            if (domainEvent.getType() != null) {
                item.put(AGGREGATE_TYPE, AttributeValue.fromS(domainEvent.getType()));
            }
            item.put(AGGREGATE_ID, AttributeValue.fromS(domainEvent.getAggregateIdentifier()));
            item.put(AGGREGATE_SEQUENCE, n(domainEvent.getSequenceNumber()));
        }
        if (tracked) {
            SerializedObject<byte[]> token = genericSerializer.serialize(((TrackedEventMessage<?>) message).trackingToken(), byte[].class);
            item.put(TOKEN, bytes(token.getData()));
            item.put(TOKEN_TYPE, AttributeValue.fromS(token.getType().getName()));
            if (token.getType().getRevision() != null) {
                item.put(TOKEN_REVISION, AttributeValue.fromS(token.getType().getRevision()));
            }
        }
        item.put(KIND, AttributeValue.fromS(domain ? (tracked ? TRACKED_DOMAIN : DOMAIN) : (tracked ? TRACKED : EVENT)));
        item.put(ENQUEUED_AT, AttributeValue.fromS(letter.enqueuedAt().toString()));
        item.putAll(touchAttributes(letter));
        if (ItemSizes.of(item) > MAX_LETTER_BYTES) {
            long withDiagnostics = ItemSizes.of(item);
            item.put(DIAGNOSTICS, diagnostics(MetaData.with(DROPPED_DIAGNOSTICS, withDiagnostics + " bytes with them")));
            if (ItemSizes.of(item) > MAX_LETTER_BYTES) {
                throw new DynamoDbDeadLetterQueueException("Message " + message.getIdentifier() + " of sequence '"
                        + sequenceId + "' cannot be dead-lettered: its item would take " + ItemSizes.of(item)
                        + " bytes, more than the " + MAX_LETTER_BYTES + " a DynamoDB item can hold here", null);
            }
        }
        return item;
    }

    /** What a requeue changes: cause, diagnostics and last-touched time (size-limited as in {@link #item}). */
    Map<String, AttributeValue> touchAttributes(DeadLetter<?> letter) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put(LAST_TOUCHED, AttributeValue.fromS(letter.lastTouched().toString()));
        letter.cause().ifPresent(cause -> {
            attributes.put(CAUSE_TYPE, AttributeValue.fromS(cause.type()));
            if (cause.message() != null) {
                attributes.put(CAUSE_MESSAGE, AttributeValue.fromS(truncate(cause.message())));
            }
        });
        if (!letter.diagnostics().isEmpty()) {
            AttributeValue diagnostics = diagnostics(letter.diagnostics());
            attributes.put(DIAGNOSTICS, ItemSizes.of(diagnostics) > MAX_LETTER_BYTES / 4
                    ? diagnostics(MetaData.with(DROPPED_DIAGNOSTICS, ItemSizes.of(diagnostics) + " bytes"))
                    : diagnostics);
        }
        return attributes;
    }

    <M extends EventMessage<?>> DynamoDbDeadLetter<M> letter(Map<String, AttributeValue> item) {
        String sequenceId = string(item, SEQUENCE_ID);
        String messageId = string(item, MESSAGE_ID);
        SerializedMessage<?> serialized = new SerializedMessage<>(messageId,
                new SimpleSerializedObject<>(item.get(PAYLOAD).b().asByteArray(), byte[].class,
                        string(item, PAYLOAD_TYPE), string(item, PAYLOAD_REVISION)),
                new SimpleSerializedObject<>(item.get(META_DATA).b().asByteArray(), byte[].class,
                        MetaData.class.getName(), null),
                eventSerializer);
        Instant timestamp = Instant.parse(string(item, TIMESTAMP));
        String kind = string(item, KIND);
        EventMessage<?> message = switch (kind) {
            case DOMAIN -> new GenericDomainEventMessage<>(string(item, AGGREGATE_TYPE), string(item, AGGREGATE_ID),
                    number(item, AGGREGATE_SEQUENCE), serialized, () -> timestamp);
            case TRACKED_DOMAIN -> new GenericTrackedDomainEventMessage<>(token(item), string(item, AGGREGATE_TYPE),
                    string(item, AGGREGATE_ID), number(item, AGGREGATE_SEQUENCE), serialized, () -> timestamp);
            case TRACKED -> new GenericTrackedEventMessage<>(token(item), serialized, () -> timestamp);
            default -> new GenericEventMessage<>(serialized, () -> timestamp);
        };
        Cause cause = item.containsKey(CAUSE_TYPE)
                ? new ThrowableCause(string(item, CAUSE_TYPE), string(item, CAUSE_MESSAGE)) : null;
        MetaData diagnostics = item.containsKey(DIAGNOSTICS)
                ? genericSerializer.deserialize(new SimpleSerializedObject<>(item.get(DIAGNOSTICS).b().asByteArray(),
                byte[].class, MetaData.class.getName(), null))
                : MetaData.emptyInstance();
        @SuppressWarnings("unchecked")
        M typed = (M) message;
        return new DynamoDbDeadLetter<>(sequenceId, number(item, INDEX), typed, cause,
                Instant.parse(string(item, ENQUEUED_AT)), Instant.parse(string(item, LAST_TOUCHED)), diagnostics);
    }

    static String truncate(String message) {
        return message.length() <= MAX_CAUSE_MESSAGE ? message : message.substring(0, MAX_CAUSE_MESSAGE);
    }

    private TrackingToken token(Map<String, AttributeValue> item) {
        return genericSerializer.deserialize(new SimpleSerializedObject<>(item.get(TOKEN).b().asByteArray(),
                byte[].class, string(item, TOKEN_TYPE), string(item, TOKEN_REVISION)));
    }

    private AttributeValue diagnostics(MetaData diagnostics) {
        return bytes(genericSerializer.serialize(diagnostics, byte[].class).getData());
    }

    private static AttributeValue bytes(byte[] data) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(data));
    }
}
