package com.boxoffice.app.events;

import java.util.List;

/** The event trail read model: events by the request that caused them, and by type. */
public interface EventTrail {

    /** Stores the entry under its type and, when it has one, under its request id. Idempotent: a replay rewrites. */
    void record(EventEntry entry, String requestIdOrNull);

    /** The events caused by the request, oldest first, at most {@code limit}. */
    List<EventEntry> ofRequest(String requestId, int limit);

    /** The newest {@code limit} events of the type, oldest of them first. */
    List<EventEntry> ofType(String type, int limit);
}
