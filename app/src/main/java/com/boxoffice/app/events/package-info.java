/**
 * Event browsing across the contexts. {@link com.boxoffice.app.events.EventTrailProjection} keeps every event in the
 * DynamoDB event trail, under the {@code X-Request-Id} that caused it (carried in each event's metadata, see
 * {@code com.boxoffice.infrastructure.tracing}) and under its type, so that {@code GET /api/requests/{id}/events} and
 * {@code GET /api/events?type=} are key queries; {@code GET /api/events?aggregateId=} reads the aggregate's stream
 * from the event store itself.
 */
package com.boxoffice.app.events;
