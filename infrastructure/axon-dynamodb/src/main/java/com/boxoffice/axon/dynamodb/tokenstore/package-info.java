/**
 * Axon's {@code TokenStore} on DynamoDB ({@link com.boxoffice.axon.dynamodb.tokenstore.DynamoDbTokenStore}), so that
 * the segments of a streaming processor spread over several instances of the application.
 *
 * <h2>Items</h2>
 * One item per (processor name, segment): key {@code processorName} (S) + {@code segment} (N); the token as serialized
 * bytes ({@code token}, B) with its type ({@code tokenType}, S, and {@code tokenRevision} when the type has one); the
 * claim as {@code owner} (S, absent when released) and {@code claimedAt} (N, epoch ms of the last claim or extension,
 * from the claiming store's clock). One reserved item ({@code __boxoffice_token_store__}, segment 0) holds the storage
 * identifier, created once by a conditional put so every instance reads the same one.
 *
 * <h2>Claims</h2>
 * A claim, a token store and a re-claim are one conditional update that succeeds when the segment exists and is
 * unclaimed, claimed by this owner, or claimed longer ago than the claim timeout; extend, release and delete need the
 * owner to be this one. Owners are compared for equality ({@code node-1} never matches {@code node-10}). Reads that
 * decide ownership ({@code fetchSegments}, {@code fetchAvailableSegments}, the storage identifier) are strongly
 * consistent. {@code initializeTokenSegments} is one {@code TransactWriteItems} whose puts are each conditional on the
 * segment not existing: of instances starting together exactly one initialises (at most 100 segments, DynamoDB's
 * transaction limit; more can be made later by splitting). Transactions cancelled only by conflicts with each other
 * are retried a few times, so two racing initialisations cannot both lose and leave a processor without segments.
 * {@code fetchToken(name, Segment)} re-checks the segment's mask after claiming, so a segment split or merged by another
 * instance since the caller listed the segments is refused rather than processed with a stale mask.
 *
 * <h2>Claim timeout (default 15 s) and take-over time</h2>
 * Axon's JDBC and JPA stores default to 10 s. A pooled processor that is idle extends its claims only when its
 * coordinator runs (every token claim interval, default 5 s) and the last extension is older than the claim extension
 * threshold (default 5 s): extensions can be up to ~10 s apart, which a 10 s timeout does not cover; a busy processor
 * extends with every batch. 15 s leaves 5 s for GC pauses, slow requests and clock differences between instances
 * (expiry compares the claimer's clock with the owner's). A dead instance's segments are taken over after the timeout
 * plus at most one token claim interval of the survivor: ≤ 20 s with these defaults.
 *
 * <h2>Owner</h2>
 * By default {@code pid@host/} plus a random suffix, unique per store instance. Axon's JDBC store uses {@code pid@host}
 * alone, which two containers sharing a host name (host networking, both pid 1) would share, and then both would
 * process the same segments. The price: a restarted instance does not recognise the claims its dead predecessor left
 * and waits out the timeout like any other instance.
 *
 * <h2>Failures</h2>
 * An SDK failure left after the SDK's retries becomes {@link com.boxoffice.axon.dynamodb.tokenstore.TokenStoreUnavailableException}
 * (transient: throttling, 5xx, I/O, transaction conflicts; the rule of
 * {@link com.boxoffice.axon.dynamodb.support.DynamoDbErrors#isTransient}) or
 * {@link com.boxoffice.axon.dynamodb.tokenstore.DynamoDbTokenStoreException}
 * (permanent); a refused claim is Axon's {@code UnableToClaimTokenException} naming the segment and its owner.
 *
 * <h2>Cost</h2>
 * Per segment: one write per stored batch and per claim extension (items are well under 1 KB: 1 WCU), and per token
 * claim interval of every instance one strongly consistent query of the processor's items.
 */
package com.boxoffice.axon.dynamodb.tokenstore;
