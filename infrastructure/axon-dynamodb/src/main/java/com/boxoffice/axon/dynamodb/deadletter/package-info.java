/**
 * Axon's sequenced dead-letter queue on DynamoDB
 * ({@link com.boxoffice.axon.dynamodb.deadletter.DynamoDbSequencedDeadLetterQueue}), so that an event a handler cannot
 * process is parked instead of stopping its processor's segment, with the events of the same sequence (aggregate)
 * queued behind it and all others flowing on; and the enqueue policy that decides what is parked
 * ({@link com.boxoffice.axon.dynamodb.deadletter.ParkingEnqueuePolicy}: permanent failures) and what is retried by the
 * processor ({@link com.boxoffice.axon.dynamodb.deadletter.TransientFailures}).
 * <p>
 * The table design, the guarantees and the cost of each operation are described on the queue class.
 */
package com.boxoffice.axon.dynamodb.deadletter;
