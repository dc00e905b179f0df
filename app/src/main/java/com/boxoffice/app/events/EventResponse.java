package com.boxoffice.app.events;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/** One event in the answers of the browsing endpoints (the API note's shape), its payload as JSON. */
public record EventResponse(String eventId, String type, String aggregateType, String aggregateId, Long sequence,
                            Instant timestamp, JsonNode payload) {
}
