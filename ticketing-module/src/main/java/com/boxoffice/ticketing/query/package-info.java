/**
 * The concert catalogue: a read model of every concert, fed by a pooled streaming processor
 * ({@value com.boxoffice.ticketing.query.ConcertCatalogueProjection#PROCESSING_GROUP}) and read through Axon's query
 * bus ({@link com.boxoffice.ticketing.api.FindConcert}, {@link com.boxoffice.ticketing.api.FindConcerts}).
 * <p>
 * The logic here is plain Java: which change an event makes ({@link com.boxoffice.ticketing.query.CatalogueChange}) and
 * how a search is answered ({@link com.boxoffice.ticketing.query.ConcertSearch}). Storage is behind the
 * {@link com.boxoffice.ticketing.query.ConcertCatalogue} port; its DynamoDB adapter is in {@code .dynamodb}.
 * <p>
 * <b>Replays and at-least-once delivery.</b> A streaming processor may hand an event over twice (a crash between the
 * write and the token update, a segment taken over by another node). Each change therefore carries the event's
 * aggregate sequence number and the store applies it only when it is newer than the last one applied to that concert;
 * events of one concert arrive in order because the processor's default sequencing policy is per aggregate.
 * A full rebuild is a replay: the {@code @ResetHandler} clears the catalogue, then the processor reads every event again.
 */
package com.boxoffice.ticketing.query;
