package com.boxoffice.axon.kinesis;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.GenericMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Event message ⇄ CloudEvents 1.0 JSON document (structured mode), the records of the all-events stream.
 * <p>
 * Attributes: {@code id} = event identifier, {@code source} = bounded context, {@code type} = payload class name,
 * {@code subject} = aggregate identifier, {@code time}, {@code datacontenttype} = {@code application/json},
 * {@code data} = the payload as JSON. Extensions: {@code aggregatetype}, {@code sequence} (aggregate sequence
 * number), {@code requestid}, {@code correlationid}, {@code causationid}, {@code traceid} (from the metadata keys
 * {@code requestId}, {@code correlationId}, {@code causationId}, {@code traceId}, for consumers that do not speak
 * Axon), {@code replay} (true when the publisher re-reads history) and {@code axonmetadata}: the whole metadata as
 * a JSON string (CloudEvents extension values must be scalars), so an Axon consumer gets it back exactly.
 * <p>
 * Reading: the payload becomes an instance of {@code type} when that class is on the classpath, else it stays a
 * Jackson {@link JsonNode} (lossless, and any consumer can map it) and the type name goes into the metadata key
 * {@value #UNRESOLVED_TYPE_KEY}.
 */
public final class CloudEventsMapper {

    public static final String SPEC_VERSION = "1.0";
    public static final String UNRESOLVED_TYPE_KEY = "cloudEventType";
    private static final Map<String, String> METADATA_EXTENSIONS = Map.of(
            "requestId", "requestid", "correlationId", "correlationid",
            "causationId", "causationid", "traceId", "traceid");

    private final ObjectMapper json;
    private final CloudEventSourceResolver sources;
    private final ClassLoader classLoader;

    public CloudEventsMapper(ObjectMapper json, CloudEventSourceResolver sources) {
        this.json = json;
        this.sources = sources;
        this.classLoader = CloudEventsMapper.class.getClassLoader();
    }

    /** A mapper with a plain Jackson 3 mapper and the source {@code /} for every event. */
    public static CloudEventsMapper defaults() {
        return new CloudEventsMapper(JsonMapper.builder().findAndAddModules().build(), CloudEventSourceResolver.fixed("/"));
    }

    /** The partition key of an event: its aggregate's identifier, or its own identifier when it has no aggregate. */
    public static String partitionKey(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            return domain.getAggregateIdentifier();
        }
        return event.getIdentifier();
    }

    public byte[] toCloudEvent(EventMessage<?> event, boolean replay) {
        String type = event.getPayloadType().getName();
        ObjectNode ce = json.createObjectNode();
        ce.put("specversion", SPEC_VERSION);
        ce.put("id", event.getIdentifier());
        ce.put("source", sources.sourceOf(type));
        ce.put("type", type);
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            ce.put("subject", domain.getAggregateIdentifier());
            if (domain.getType() != null) {
                ce.put("aggregatetype", domain.getType());
            }
            ce.put("sequence", domain.getSequenceNumber());
        }
        ce.put("time", event.getTimestamp().toString());
        ce.put("datacontenttype", "application/json");
        METADATA_EXTENSIONS.forEach((key, extension) -> {
            Object value = event.getMetaData().get(key);
            if (value != null) {
                ce.put(extension, value.toString());
            }
        });
        ce.put("replay", replay);
        if (!event.getMetaData().isEmpty()) {
            ce.put("axonmetadata", json.writeValueAsString(event.getMetaData()));
        }
        try {
            ce.set("data", json.valueToTree(event.getPayload()));
            return json.writeValueAsBytes(ce);
        } catch (JacksonException e) {
            throw new KinesisPublishException("cannot write event " + event.getIdentifier() + " of type " + type
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a record back into an event message carrying {@code token}. */
    public TrackedEventMessage<?> fromCloudEvent(byte[] record, TrackingToken token) {
        JsonNode ce = json.readTree(record);
        String id = required(ce, "id");
        String type = required(ce, "type");
        Instant time = Instant.parse(required(ce, "time"));
        Map<String, Object> metaData = metaData(ce);
        Object payload = payload(ce.path("data"), type, metaData);
        GenericMessage<Object> message = new GenericMessage<>(id, payload, metaData);
        JsonNode subject = ce.get("subject");
        JsonNode sequence = ce.get("sequence");
        if (subject != null && sequence != null) {
            JsonNode aggregateType = ce.get("aggregatetype");
            return new GenericTrackedDomainEventMessage<>(token,
                    aggregateType == null ? null : aggregateType.asString(),
                    subject.asString(), sequence.asLong(), message, () -> time);
        }
        return new GenericTrackedEventMessage<>(token, message, () -> time);
    }

    private Map<String, Object> metaData(JsonNode ce) {
        Map<String, Object> metaData = new LinkedHashMap<>();
        JsonNode carried = ce.get("axonmetadata");
        if (carried != null && carried.isString()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> carriedMap = json.readValue(carried.asString(), Map.class);
            metaData.putAll(carriedMap);
        } else {
            METADATA_EXTENSIONS.forEach((key, extension) -> {
                JsonNode value = ce.get(extension);
                if (value != null) {
                    metaData.put(key, value.asString());
                }
            });
        }
        return metaData;
    }

    private Object payload(JsonNode data, String type, Map<String, Object> metaData) {
        try {
            Class<?> payloadType = Class.forName(type, false, classLoader);
            return json.treeToValue(data, payloadType);
        } catch (ClassNotFoundException | LinkageError unknown) {
            metaData.put(UNRESOLVED_TYPE_KEY, type);
            return data;
        }
    }

    private static String required(JsonNode ce, String attribute) {
        JsonNode value = ce.get(attribute);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException("not a CloudEvent: attribute '" + attribute + "' missing in " + ce);
        }
        return value.asString();
    }
}
