package com.boxoffice.app.events;

import java.util.List;

/** The event trail read model: events by the request that caused them, and by type. */
public interface EventTrail {

    /** Stores the entry under its type and, when it has one, under its request id. Idempotent: a replay rewrites. */
    default void record(EventEntry entry, String requestIdOrNull) {
        recordAll(List.of(new Recorded(entry, requestIdOrNull)));
    }

    /** {@link #record} for each, in as few requests as the store allows; entries of distinct events. */
    void recordAll(List<Recorded> entries);

    /** The events caused by the request, oldest first, at most {@code limit}. */
    List<EventEntry> ofRequest(String requestId, int limit);

    /** The newest {@code limit} events of the type, oldest of them first. */
    List<EventEntry> ofType(String type, int limit);

    /** An entry and the request that caused its event (null when none is known). */
    record Recorded(EventEntry entry, String requestIdOrNull) {
    }
}
