/**
 * The Kinesis event bus: every event of the event store, published to one "all-events" stream as CloudEvents, and
 * that stream as an Axon event source for other applications.
 * <p>
 * <b>Publishing</b> ({@link com.boxoffice.axon.kinesis.KinesisPublisher}): the event store is the outbox. An
 * event handler in its own pooled streaming processor ({@code kinesis-publisher}, token in the application's token
 * store) buffers a batch of events in the unit of work and sends it with {@code PutRecords} when the unit of work
 * prepares to commit, i.e. before the token is stored. Kinesis refusing records rolls the unit of work back; the
 * token stays and the batch comes again (at-least-once; duplicates carry the same CloudEvents {@code id}).
 * Commands never wait for Kinesis: they only append to the event store.
 * <p>
 * <b>Order</b> ({@link com.boxoffice.axon.kinesis.OrderedPutRecords}): partition key = aggregate identifier,
 * so one aggregate is one shard, in order. {@code PutRecords} carries on after a failed record, so two records of
 * one key in one request could be accepted out of order; the default {@code STRICT} mode therefore sends at most one
 * record per key per request (a request still holds up to 500 different aggregates), and retries a failed record
 * before the next of its key. {@code BATCHED} fills requests in store order and resends the whole suffix of a key
 * after a failure: faster with few hot aggregates, but a real partial failure then shows a later event before the
 * earlier one's retry.
 * <p>
 * <b>Lag</b>: {@link com.boxoffice.axon.kinesis.PublishLag} (events and seconds behind) and
 * {@link com.boxoffice.axon.kinesis.PublishStatus}, which the Spring Boot auto-configuration turns into meters and a
 * {@code kinesis} health indicator.
 * <p>
 * <b>Consuming</b> ({@link com.boxoffice.axon.kinesis.KinesisMessageSource}): a
 * {@code StreamableMessageSource} with a per-shard token
 * ({@link com.boxoffice.axon.kinesis.KinesisShardToken}); after a reshard, children are read after their
 * parents end (implemented, not tested: kinesis-local's resharding was not exercised).
 * <p>
 * Nothing here depends on Spring or on an application: an application names its events' CloudEvents
 * {@code source} through a {@link com.boxoffice.axon.kinesis.CloudEventSourceResolver}.
 */
package com.boxoffice.axon.kinesis;
