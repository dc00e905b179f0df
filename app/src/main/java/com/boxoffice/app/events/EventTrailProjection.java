package com.boxoffice.app.events;

import com.boxoffice.kernel.tracing.RequestIds;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Projects every event of every context into the {@link EventTrail}: the read model behind "what did my request do"
 * and "show me the last events of this type". It reads only what every event has (its metadata, its aggregate, its
 * payload as JSON), so a new context's events appear without touching it.
 * <p>
 * The entries of one unit of work (a batch of the processor's segment) are stored together when it commits, so a
 * busy trail costs a request per 25 items rather than one per item; a failure to store them rolls the batch back and
 * the processor delivers it again (entries are rewritten, not duplicated).
 */
@ProcessingGroup(EventTrailProjection.PROCESSING_GROUP)
public class EventTrailProjection {

    public static final String PROCESSING_GROUP = "event-trail";

    private static final Logger log = LoggerFactory.getLogger(EventTrailProjection.class);
    /** Shown instead of a payload whose JSON would not leave room in DynamoDB's 400 KB item for the rest. */
    static final int MAX_PAYLOAD_CHARS = 100_000;
    private static final String PENDING = EventTrailProjection.class.getName() + ".pending";

    private final EventTrail trail;
    private final JsonMapper json;

    public EventTrailProjection(EventTrail trail, JsonMapper json) {
        this.trail = trail;
        this.json = json;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        EventTrail.Recorded entry = new EventTrail.Recorded(entryOf(event, payloadJson(payload, event)), requestIdOf(event));
        if (!CurrentUnitOfWork.isStarted()) {
            trail.recordAll(List.of(entry));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.<List<EventTrail.Recorded>>getOrComputeResource(PENDING, key -> {
            List<EventTrail.Recorded> pending = new ArrayList<>();
            root.onPrepareCommit(unitOfWork -> trail.recordAll(pending));
            return pending;
        }).add(entry);
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

    /**
     * A payload Jackson cannot write, or too large for the trail's item, is shown as such, rather than stopping the
     * trail at it forever.
     */
    private String payloadJson(Object payload, EventMessage<?> event) {
        try {
            String written = json.writeValueAsString(payload);
            if (written.length() > MAX_PAYLOAD_CHARS) {
                return json.writeValueAsString(Map.of("tooLargeToShow", event.getPayloadType().getName(),
                        "characters", written.length()));
            }
            return written;
        } catch (JacksonException e) {
            log.warn("Event {} ({}) is shown without its payload: {}", event.getIdentifier(),
                    event.getPayloadType().getName(), e.getOriginalMessage());
            return json.writeValueAsString(Map.of("unreadable", event.getPayloadType().getName()));
        }
    }
}
