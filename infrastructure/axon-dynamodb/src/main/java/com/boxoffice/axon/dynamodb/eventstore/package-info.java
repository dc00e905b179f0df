/**
 * An Axon {@code EventStorageEngine} on DynamoDB with a global stream that never skips or duplicates a committed event.
 * The design note is {@code docs/event-store.md}; this is its summary.
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
 * condition that it is still {@code h}, and its events take positions {@code h+1..h+n}. They are stored packed
 * ({@link com.boxoffice.axon.dynamodb.eventstore.CommitItem}): one item per run of consecutive events of one
 * aggregate, keyed (aggregateId, first seq), holding {@code lastSeq} and the events in one binary attribute, deflated
 * where that saves a tenth, cut at 350 KB; each put on condition that its key is free. A position is written only by
 * the transaction that moves the head past it, so positions are gapless and in commit order, and a failed commit
 * leaves neither hole nor burnt position; positions count events, so tokens are exact inside an item. A lost head
 * race is retried with the head's current value (returned by the failed condition); one engine's writers to one
 * partition take turns ({@link com.boxoffice.axon.dynamodb.eventstore.PartitionLocks}) instead of racing. A taken key
 * is Axon's {@code ConcurrencyException}; an append that does not start where a known item ends is first checked
 * against the aggregate's item before it ({@link com.boxoffice.axon.dynamodb.eventstore.AggregateSequences}), so an
 * overlap is a conflict wherever it starts. Transactions carry an idempotency token, so resending one whose answer was
 * lost cannot turn into a false conflict; a conflict whose stored items carry this commit's own event ids is
 * recognised as success. A unit of work is refused before anything is written only when it cannot be one
 * transaction (more than 100 items, one per run and one per touched head, or more than 4 MB stored), or when an
 * event is over 400 KB uncompressed ({@link com.boxoffice.axon.dynamodb.eventstore.CommitTooLargeException},
 * {@link com.boxoffice.axon.dynamodb.eventstore.EventTooLargeException}).
 *
 * <h2>Reading the stream ({@link com.boxoffice.axon.dynamodb.eventstore.StreamReader})</h2>
 * The token ({@link com.boxoffice.axon.dynamodb.eventstore.PartitionedLogToken}) is the vector of per-partition
 * positions. A read takes all heads from one eventually consistent {@code Scan} (half a read unit for 16 heads),
 * raised to what this engine committed: lower bounds, which is all the reader needs. It queries the {@code stream}
 * index only for partitions that moved, several at a time, and keeps what it fetched and did not deliver for the next
 * read. The index is eventually consistent: a partition is delivered only up to its first position the index does not
 * show yet and resumed there next time; since positions are gapless that position exists and will appear, so waiting
 * is correct and nothing is ever passed over. Partitions are merged by commit stamp and index in commit
 * ({@link com.boxoffice.axon.dynamodb.eventstore.CommitStamps}), which orders delivery across aggregates but never
 * decides what is delivered.
 *
 * <h2>Sourcing</h2>
 * Strongly consistent queries on (aggregateId, seq), following 1 MB pages so a batch is never short by accident, whole
 * pages at a time; a start inside an item reads that item too. {@code lastSequenceNumberFor} is one reverse query with
 * limit 1. Snapshots live in their own table, one item per aggregate, written only if newer than the stored one.
 *
 * <h2>Tables of the first layout</h2>
 * Items of one event in named attributes, as the first version wrote them, are read as commit items of one event by
 * sourcing and the stream; this version appends after them in the same logs.
 *
 * <h2>Group commit: not done</h2>
 * Sharing one transaction among concurrent units of work of one JVM would share the head update, but each unit still
 * puts its own item (2 WCU in a transaction, 1 for its index entry): {@code 3 + 2/k} WCU for a 1-event unit in a group
 * of {@code k}. The partition locks give the latency part without coupling units' fates.
 *
 * <h2>Polling</h2>
 * Axon's {@code EmbeddedEventStore} asks the engine again after {@code boxoffice.eventstore.polling-interval} (default
 * 1 s) when the stream is idle; appends in the same JVM wake it at once. An idle poll costs one {@code Scan} of the
 * heads.
 *
 * <h2>Cost</h2>
 * A commit of {@code n} events of one aggregate whose item is {@code S} KB as stored writes the head (2 WCU in a
 * transaction), the item ({@code 2⌈S⌉}) and its index entry ({@code ⌈S⌉}): 5 WCU for one small event, 14 for ten of
 * 350 B uncompressed. {@code docs/benchmarks.md} has the measured figures.
 */
package com.boxoffice.axon.dynamodb.eventstore;
