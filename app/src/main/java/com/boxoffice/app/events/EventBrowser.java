package com.boxoffice.app.events;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads events for the browsing endpoints: an aggregate's straight from the event store (its stream is the truth and
 * is read by key), a type's and a request's from the {@link EventTrail} projection.
 */
public class EventBrowser {

    private final EventStorageEngine store;
    private final EventTrail trail;
    private final JsonMapper json;

    public EventBrowser(EventStorageEngine store, EventTrail trail, JsonMapper json) {
        this.store = store;
        this.trail = trail;
        this.json = json;
    }

    /**
     * The newest {@code limit} events of the aggregate (of the type, when one is given), oldest of them first. Without
     * a type only the tail of the stream is read.
     */
    public List<EventEntry> ofAggregate(String aggregateId, String typeOrNull, int limit) {
        long first = 0;
        if (typeOrNull == null) {
            long last = store.lastSequenceNumberFor(aggregateId).orElse(-1L);
            first = Math.max(0, last - limit + 1);
        }
        Deque<EventEntry> newest = new ArrayDeque<>(limit);
        DomainEventStream stream = store.readEvents(aggregateId, first);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (typeOrNull != null && !typeOrNull.equals(event.getPayloadType().getSimpleName())) {
                continue;
            }
            if (newest.size() == limit) {
                newest.removeFirst();
            }
            newest.addLast(EventTrailProjection.entryOf(event, json.writeValueAsString(event.getPayload())));
        }
        return List.copyOf(newest);
    }

    public List<EventEntry> ofType(String type, int limit) {
        return trail.ofType(type, limit);
    }

    public List<EventEntry> ofRequest(String requestId, int limit) {
        return trail.ofRequest(requestId, limit);
    }
}
