package com.boxoffice.app.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored event as the browsing endpoints show it.
 *
 * @param type          the payload's simple class name ({@code TicketsReserved})
 * @param aggregateType null for an event that no aggregate applied
 * @param aggregateId   null likewise
 * @param sequence      the aggregate's sequence number, null likewise
 * @param payloadJson   the payload as JSON
 */
public record EventEntry(String eventId, String type, String aggregateType, String aggregateId, Long sequence,
                         Instant timestamp, String payloadJson) {

    public EventEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }
}
