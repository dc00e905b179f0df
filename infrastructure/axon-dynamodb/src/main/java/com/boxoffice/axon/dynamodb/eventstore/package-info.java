/**
 * An Axon {@code EventStorageEngine} on DynamoDB with a global stream that never skips or duplicates a committed event.
 *
 * <h2>Why partitioned, gapless logs</h2>
 * DynamoDB has no global order. Numbering events with a counter or a clock lets two writers commit out of order, and a
 * tracking processor that has read position 11 never sees position 10 when it commits a moment later (Axon's JDBC
 * engine patches this with gap tracking and a time window, which still loses a commit that is later than the window).
 * Here the stream is {@code P} logs (partitions, default 16, fixed for the life of the tables); an aggregate lives in
 * partition {@code hash(aggregateId) mod P}, so its events stay in one log, in order.
 *
 * <h2>Writing ({@link com.boxoffice.axon.dynamodb.eventstore.CommitWriter})</h2>
 * A unit of work is one {@code TransactWriteItems}: each partition's head item moves from {@code h} to {@code h+n} on
 * condition that it is still {@code h}, and the events are put at positions {@code h+1..h+n} on condition that their
 * (aggregateId, seq) key is free. A position is written only by the transaction that moves the head past it, so
 * positions are gapless and in commit order, and a failed commit leaves neither hole nor burnt position. A lost head
 * race is retried with the head's current value (returned by the failed condition); a taken key is Axon's
 * {@code ConcurrencyException}. Transactions carry an idempotency token, so resending one whose answer was lost cannot
 * turn into a false conflict; a conflict whose stored events carry this commit's own event ids is recognised as success.
 * A unit of work takes at most 99 events (DynamoDB's 100 items per transaction, one per touched head) and 4 MB, and an
 * event at most 400 KB: larger ones are refused before anything is written
 * ({@link com.boxoffice.axon.dynamodb.eventstore.CommitTooLargeException},
 * {@link com.boxoffice.axon.dynamodb.eventstore.EventTooLargeException}).
 *
 * <h2>Reading the stream ({@link com.boxoffice.axon.dynamodb.eventstore.StreamReader})</h2>
 * The token ({@link com.boxoffice.axon.dynamodb.eventstore.PartitionedLogToken}) is the vector of per-partition
 * positions. A read fetches all heads in one strongly consistent {@code BatchGetItem} (an idle poll is one request)
 * and queries the {@code stream} index only for partitions that moved. The index is eventually consistent: a partition
 * is delivered only up to its first position the index does not show yet and resumed there next time; since positions
 * are gapless that position exists and will appear, so waiting is correct and nothing is ever passed over. Partitions
 * are merged by commit stamp and index in commit ({@link com.boxoffice.axon.dynamodb.eventstore.CommitStamps}), which
 * orders delivery across aggregates but never decides what is delivered.
 *
 * <h2>Sourcing</h2>
 * Strongly consistent queries on (aggregateId, seq), following 1 MB pages so a batch is never short by accident;
 * {@code lastSequenceNumberFor} is one reverse query with limit 1. Snapshots live in their own table, one item per
 * aggregate, written only if newer than the stored one.
 *
 * <h2>Writers' head caches</h2>
 * Each engine caches the heads it has seen and never reads them before a commit. A stale cache costs one failed
 * transaction, whose cancellation reason carries the head's current value ({@code ReturnValuesOnConditionCheckFailure});
 * where DynamoDB does not return it, the head is read once (strongly consistent) before retrying. Head races are retried
 * with jittered backoff up to {@code maxCommitAttempts}, then {@link com.boxoffice.axon.dynamodb.eventstore.EventStoreUnavailableException}.
 *
 * <h2>Group commit: not done</h2>
 * Sharing one transaction among concurrent units of work of one JVM would amortise the head update, but it couples
 * their fates (one's concurrency conflict cancels the others', which then need a second round) and needs a measurement
 * to justify it; none was made, so every unit of work is its own transaction.
 *
 * <h2>Polling</h2>
 * Axon's {@code EmbeddedEventStore} asks the engine again after {@code boxoffice.eventstore.polling-interval} (default
 * 1 s) when the stream is idle; appends in the same JVM wake it at once. An idle poll costs one {@code BatchGetItem}.
 *
 * <h2>Cost</h2>
 * A commit of {@code n} events writes {@code n + 1} items in a transaction (2 WCU per KB each) and {@code n} index
 * entries (1 WCU per KB each): about {@code 3n + 2} WCU for small events. The README has the measured figures.
 */
package com.boxoffice.axon.dynamodb.eventstore;
