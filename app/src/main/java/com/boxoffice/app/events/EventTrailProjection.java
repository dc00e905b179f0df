package com.boxoffice.app.events;

import com.boxoffice.kernel.tracing.RequestIds;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * Projects every event of every context into the {@link EventTrail}: the read model behind "what did my request do"
 * and "show me the last events of this type". It reads only what every event has (its metadata, its aggregate, its
 * payload as JSON), so a new context's events appear without touching it.
 */
@ProcessingGroup(EventTrailProjection.PROCESSING_GROUP)
public class EventTrailProjection {

    public static final String PROCESSING_GROUP = "event-trail";

    private static final Logger log = LoggerFactory.getLogger(EventTrailProjection.class);

    private final EventTrail trail;
    private final JsonMapper json;

    public EventTrailProjection(EventTrail trail, JsonMapper json) {
        this.trail = trail;
        this.json = json;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        trail.record(entryOf(event, payloadJson(payload, event)), requestIdOf(event));
    }

    static EventEntry entryOf(EventMessage<?> event, String payloadJson) {
        String type = event.getPayloadType().getSimpleName();
        if (event instanceof DomainEventMessage<?> domain) {
            return new EventEntry(event.getIdentifier(), type, domain.getType(), domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(), event.getTimestamp(), payloadJson);
        }
        return new EventEntry(event.getIdentifier(), type, null, null, null, event.getTimestamp(), payloadJson);
    }

    private static String requestIdOf(EventMessage<?> event) {
        Object requestId = event.getMetaData().get(RequestIds.METADATA_KEY);
        return requestId instanceof String id && RequestIds.isValid(id) ? id : null;
    }

    /** A payload Jackson cannot write is shown as such, rather than stopping the trail at it forever. */
    private String payloadJson(Object payload, EventMessage<?> event) {
        try {
            return json.writeValueAsString(payload);
        } catch (JacksonException e) {
            log.warn("Event {} ({}) is shown without its payload: {}", event.getIdentifier(),
                    event.getPayloadType().getName(), e.getOriginalMessage());
            return json.writeValueAsString(Map.of("unreadable", event.getPayloadType().getName()));
        }
    }
}
