package com.boxoffice.axon.dynamodb.deadletter;

import com.boxoffice.axon.dynamodb.support.DynamoDbErrors;
import com.boxoffice.axon.dynamodb.schema.TableSpec;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.WrongDeadLetterTypeException;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.BY_AGE;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.CAUSE_MESSAGE;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.CAUSE_TYPE;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.CLAIMED_UNTIL;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.CLAIM_OWNER;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.DIAGNOSTICS;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.HEAD_INDEX;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.LAST_TOUCHED;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.LETTERS;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.MESSAGE_ID;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.NEXT_INDEX;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.ORDER;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.PK;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.SEQUENCES;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.SEQUENCE_ID;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.SEQUENCE_PREFIX;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.SIZE;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.SK;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.VERSION;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.countsKey;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.groupPartition;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.letterKey;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.letterPartition;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.letterSortKey;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.markerKey;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.n;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.number;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.order;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.sequenceKey;
import static com.boxoffice.axon.dynamodb.deadletter.DeadLetterTable.string;
import static org.axonframework.common.BuilderUtils.assertNonNull;
import static org.axonframework.common.BuilderUtils.assertStrictPositive;
import static org.axonframework.common.BuilderUtils.assertThat;

/**
 * Axon's {@link SequencedDeadLetterQueue} on DynamoDB, for the event messages of one processing group: the letters of
 * a sequence (by default, the events of one aggregate) wait in the order they were enqueued until they are processed
 * again or evicted, and survive restarts. Several queues of one group, in one JVM or many, can share the table.
 *
 * <h2>Items (one table, {@link #tableSpec(String)})</h2>
 * <ul>
 *     <li>Per group, partition {@code G#<group>}: one <em>sequence item</em> per sequence ({@code S#<sequence>}: size,
 *     next index, head index, version, claim) and one <em>counter item</em> ({@code #counts}: letters, sequences).
 *     Listing a group's sequences is a query of that partition, never a scan; the sparse local index
 *     {@code byAge} orders the sequence items alone by their head letter's last-touched time.</li>
 *     <li>Per sequence, partition {@code L#<group length>#<group>#<sequence>}: the letters ({@code i#<index>}, so that
 *     a query reads them in order) and one small marker per letter ({@code m#<message id>}).</li>
 * </ul>
 * A sequence identifier is its {@code toString()}; one whose key would be longer than 512 bytes is keyed by its
 * SHA-256 (the identifier itself is kept in the items).
 *
 * <h2>Guarantees</h2>
 * <ul>
 *     <li><b>Order</b>: a letter's index is assigned on enqueue, one more than the last one given in its sequence, in a
 *     transaction conditional on the sequence's version; letters are read and processed in index order.</li>
 *     <li><b>Atomicity</b>: enqueue, evict and requeue are each one {@code TransactWriteItems} over the letter, its
 *     marker, the sequence item and the counter item, so counts never drift from the letters. {@link #clear()} is not
 *     atomic: it deletes sequence by sequence.</li>
 *     <li><b>Idempotency</b>: enqueuing a message into a sequence that holds it already changes nothing (the marker's
 *     put is conditional), so a batch that an event processor retries after a failure does not park its events twice.
 *     Every transaction carries a client request token, so the SDK's own resend after a lost answer is applied once.</li>
 *     <li><b>Limits</b>: {@code maxSequences} and {@code maxSequenceSize} are conditions of the same transactions,
 *     so concurrent enqueuers cannot exceed them; past them, {@link DeadLetterQueueOverflowException}. A cause message
 *     is stored cut to {@value LetterCodec#MAX_CAUSE_MESSAGE} characters; a letter that would exceed DynamoDB's item
 *     size loses its diagnostics (a note says so), and one whose message alone is too large is refused with
 *     {@link DynamoDbDeadLetterQueueException}.</li>
 *     <li><b>Claims</b>: {@link #process} claims a sequence with a conditional update of its sequence item (unclaimed,
 *     or its claim expired), extends the claim with every letter it evicts and gives it up when it requeues a letter or
 *     fails; so two queues, here or on other instances, never process one sequence at the same time, unless one takes
 *     longer than {@code claimDuration} for a single letter. A claim left by a crashed instance expires after
 *     {@code claimDuration}. Without a filter, the oldest unclaimed sequence (by its head letter's last-touched time)
 *     is processed first.</li>
 *     <li><b>Time</b>: enqueued and last-touched times come from Axon's {@link GenericDeadLetter#clock}, as those of
 *     Axon's own letters do, and are stored to the nanosecond; claims are timed with the same clock.</li>
 * </ul>
 *
 * <h2>Cost in requests (reads strongly consistent)</h2>
 * <ul>
 *     <li>{@code enqueue}: 1 {@code GetItem} (the sequence) + 1 transaction of 4 writes; {@code enqueueIfPresent} for
 *     an absent sequence: the {@code GetItem} only.</li>
 *     <li>{@code contains}, {@code sequenceSize}, {@code size}, {@code amountOfSequences}, {@link #counts()}:
 *     1 {@code GetItem}; {@code isFull}: 1, or 2 for a sequence not in the queue.</li>
 *     <li>{@code evict}: 1 {@code GetItem} + (1 {@code Query} when the head goes) + 1 transaction of 4 writes;
 *     {@code requeue}: 1 {@code GetItem} + 1 transaction of 2 writes.</li>
 *     <li>{@code deadLetterSequence}: 1 {@code Query} per {@code pageSize} letters, read as the iterator advances;
 *     {@code deadLetters}: 1 {@code Query} per {@code pageSize} sequences, plus each sequence's.</li>
 *     <li>{@code process}: 1 {@code Query} per {@code pageSize} claimable sequences looked at, 1 {@code GetItem} of
 *     the head letter (per candidate when a filter tests it; {@link #sequence(Object)} instead reads just that
 *     sequence and its head, 2 {@code GetItem}s), 1 conditional {@code UpdateItem} to claim, then per letter handled
 *     1 {@code GetItem} and 1 {@code Query} (the sequence and the next letter) and 1 transaction of 4 writes (evict),
 *     or 1 {@code GetItem} and 1 transaction of 2 writes (requeue).</li>
 *     <li>{@code clear}: per sequence, its items in {@code BatchWriteItem}s of 25 and 1 transaction.</li>
 * </ul>
 * Write units in a transaction count twice; a letter item takes one write unit per KB of message, metadata and
 * diagnostics, the others are well under 1 KB.
 *
 * @param <M> the event message type
 */
public class DynamoDbSequencedDeadLetterQueue<M extends EventMessage<?>> implements SequencedDeadLetterQueue<M> {

    /** Axon's default for its JDBC and JPA queues. */
    public static final int DEFAULT_MAX_SEQUENCES = 1024;
    /** Axon's default for its JDBC and JPA queues. */
    public static final int DEFAULT_MAX_SEQUENCE_SIZE = 1024;
    /** Axon's default for its JDBC and JPA queues. */
    public static final Duration DEFAULT_CLAIM_DURATION = Duration.ofSeconds(30);
    public static final int DEFAULT_PAGE_SIZE = 100;

    private static final Logger logger = LoggerFactory.getLogger(DynamoDbSequencedDeadLetterQueue.class);
    private static final int ATTEMPTS = 10;
    /** Between attempts that collided with a concurrent change of the same sequence: full jitter, as everywhere. */
    private static final BackoffStrategy COLLISION_BACKOFF =
            BackoffStrategy.exponentialDelay(Duration.ofMillis(5), Duration.ofMillis(200));
    private static final int MAX_KEY_BYTES = 512;
    private static final String HASHED = "#sha256:";
    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private static final String LAST_LETTER_KEY = letterSortKey(Long.MAX_VALUE);
    private static final Predicate<DeadLetter<?>> ANY = letter -> true;

    private final String processingGroup;
    private final DynamoDbClient client;
    private final String table;
    private final LetterCodec codec;
    private final int maxSequences;
    private final int maxSequenceSize;
    private final Duration claimDuration;
    private final int pageSize;
    private final String owner = UUID.randomUUID().toString();

    /**
     * Builds the queue from a validated builder.
     *
     * @throws AxonConfigurationException when the builder lacks something or holds a contradiction
     */
    protected DynamoDbSequencedDeadLetterQueue(Builder<M> builder) {
        builder.validate();
        this.processingGroup = builder.processingGroup;
        this.client = builder.client;
        this.table = builder.tableName;
        this.codec = new LetterCodec(builder.eventSerializer, builder.genericSerializer);
        this.maxSequences = builder.maxSequences;
        this.maxSequenceSize = builder.maxSequenceSize;
        this.claimDuration = builder.claimDuration;
        this.pageSize = builder.pageSize;
    }

    public static <M extends EventMessage<?>> Builder<M> builder() {
        return new Builder<>();
    }

    /** The table the queues need, for the application's start-up table creation (all groups share it). */
    public static TableSpec tableSpec(String tableName) {
        return DeadLetterTable.spec(tableName);
    }

    /**
     * A filter for {@link #process(Predicate, Function)} that picks one sequence. This queue recognises it and reads
     * that sequence directly instead of testing the head letter of every claimable sequence; elsewhere it tests a
     * letter's sequence ({@link DynamoDbDeadLetter#sequenceIdentifier()} or
     * {@link GenericDeadLetter#getSequenceIdentifier()}).
     */
    public static <M extends EventMessage<?>> Predicate<DeadLetter<? extends M>> sequence(Object sequenceIdentifier) {
        return new SequenceFilter<>(Objects.requireNonNull(sequenceIdentifier, "sequenceIdentifier").toString());
    }

    public String processingGroup() {
        return processingGroup;
    }

    public String table() {
        return table;
    }

    public int maxSequences() {
        return maxSequences;
    }

    public int maxSequenceSize() {
        return maxSequenceSize;
    }

    public Duration claimDuration() {
        return claimDuration;
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends M> letter)
            throws DeadLetterQueueOverflowException {
        String sequence = id(sequenceIdentifier);
        Objects.requireNonNull(letter, "letter");
        write(sequence, sequenceState(sequence), letter, false);
    }

    /** Like {@link #enqueue}, in one read when the sequence is absent (the common case of a healthy processor). */
    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier,
                                    java.util.function.Supplier<DeadLetter<? extends M>> letterBuilder)
            throws DeadLetterQueueOverflowException {
        String sequence = id(sequenceIdentifier);
        SequenceState state = sequenceState(sequence);
        if (state == null) {
            return false;
        }
        if (state.size >= maxSequenceSize) {
            throw overflow(sequence);
        }
        return write(sequence, state, letterBuilder.get(), true);
    }

    /** @return false when {@code onlyIfPresent} and the sequence is (or became) absent */
    private boolean write(String sequence, SequenceState state, DeadLetter<? extends M> letter, boolean onlyIfPresent) {
        for (int attempt = 1; ; attempt++) {
            List<TransactWriteItem> items = new ArrayList<>();
            if (state == null) {
                if (onlyIfPresent) {
                    return false;
                }
                Map<String, AttributeValue> sequenceItem = new HashMap<>(sequenceKey(processingGroup, key(sequence)));
                sequenceItem.put(SEQUENCE_ID, AttributeValue.fromS(sequence));
                sequenceItem.put(SIZE, n(1));
                sequenceItem.put(NEXT_INDEX, n(1));
                sequenceItem.put(HEAD_INDEX, n(0));
                sequenceItem.put(VERSION, n(1));
                sequenceItem.put(ORDER, AttributeValue.fromS(order(letter.lastTouched())));
                items.add(put(sequenceItem, "attribute_not_exists(#pk)", Map.of("#pk", PK), Map.of()));
                items.add(put(codec.item(processingGroup, key(sequence), 0, letter), null, Map.of(), Map.of()));
                items.add(marker(sequence, letter));
                items.add(update(countsKey(processingGroup), "ADD #letters :one, #sequences :one",
                        "attribute_not_exists(#sequences) OR #sequences < :max",
                        Map.of("#letters", LETTERS, "#sequences", SEQUENCES),
                        Map.of(":one", n(1), ":max", n(maxSequences))));
            } else {
                if (state.size >= maxSequenceSize) {
                    throw overflow(sequence);
                }
                items.add(update(sequenceKey(processingGroup, key(sequence)),
                        "SET #size = #size + :one, #next = #next + :one, #ver = #ver + :one",
                        "#ver = :ver AND #size < :max",
                        Map.of("#size", SIZE, "#next", NEXT_INDEX, "#ver", VERSION),
                        Map.of(":one", n(1), ":ver", n(state.version), ":max", n(maxSequenceSize))));
                items.add(put(codec.item(processingGroup, key(sequence), state.next, letter), null, Map.of(), Map.of()));
                items.add(marker(sequence, letter));
                items.add(update(countsKey(processingGroup), "ADD #letters :one", null,
                        Map.of("#letters", LETTERS), Map.of(":one", n(1))));
            }
            List<String> reasons = transact(items, "enqueue into sequence '" + sequence + "'");
            if (reasons.isEmpty()) {
                return true;
            }
            if (failed(reasons, 2)) {
                logger.debug("Message {} is in sequence '{}' of {} already; not enqueued again",
                        letter.message().getIdentifier(), sequence, processingGroup);
                return true;
            }
            if (state == null && failed(reasons, 3)) {
                throw overflow(sequence);
            }
            giveUpAfter(attempt, "enqueue into sequence '" + sequence + "'");
            state = sequenceState(sequence);
        }
    }

    private TransactWriteItem marker(String sequence, DeadLetter<? extends M> letter) {
        Map<String, AttributeValue> marker = new HashMap<>(markerKey(processingGroup, key(sequence),
                letter.message().getIdentifier()));
        return put(marker, "attribute_not_exists(#pk)", Map.of("#pk", PK), Map.of());
    }

    @Override
    public void evict(DeadLetter<? extends M> letter) {
        DynamoDbDeadLetter<?> own = own(letter);
        for (int attempt = 1; ; attempt++) {
            SequenceState state = sequenceState(own.sequenceIdentifier());
            if (state == null) {
                return;
            }
            DynamoDbDeadLetter<M> next = state.head == own.index() && state.size > 1 ? letterAfter(own.sequenceIdentifier(), own.index()) : null;
            List<String> reasons = transact(evictItems(own, state, next, false), "evict from sequence '" + own.sequenceIdentifier() + "'");
            if (reasons.isEmpty() || failed(reasons, 0)) {
                return; // evicted, or the letter is not (any more) in the queue
            }
            giveUpAfter(attempt, "evict from sequence '" + own.sequenceIdentifier() + "'");
        }
    }

    /**
     * The writes that take {@code letter} out: the letter and its marker, the sequence (deleted with its last letter,
     * else one smaller and, when the head goes, headed by {@code next}) and the counts.
     */
    private List<TransactWriteItem> evictItems(DynamoDbDeadLetter<?> letter, SequenceState state,
                                               DynamoDbDeadLetter<M> next, boolean asClaimant) {
        String sequence = letter.sequenceIdentifier();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(letterKey(processingGroup, key(sequence), letter.index()))
                .conditionExpression("attribute_exists(#pk) AND #msgId = :msgId")
                .expressionAttributeNames(Map.of("#pk", PK, "#msgId", MESSAGE_ID))
                .expressionAttributeValues(Map.of(":msgId", AttributeValue.fromS(letter.message().getIdentifier())))
                .build()).build());
        items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(markerKey(processingGroup, key(sequence), letter.message().getIdentifier())).build()).build());
        Map<String, String> names = new HashMap<>(Map.of("#ver", VERSION));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":ver", n(state.version)));
        String condition = "#ver = :ver";
        if (asClaimant) {
            condition += " AND #owner = :me";
            names.put("#owner", CLAIM_OWNER);
            values.put(":me", AttributeValue.fromS(owner));
        }
        boolean last = state.size <= 1 || (letter.index() == state.head && next == null);
        if (last) {
            items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(sequenceKey(processingGroup, key(sequence))).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values).build()).build());
            items.add(update(countsKey(processingGroup), "ADD #letters :minusOne, #sequences :minusOne", null,
                    Map.of("#letters", LETTERS, "#sequences", SEQUENCES), Map.of(":minusOne", n(-1))));
        } else {
            StringBuilder set = new StringBuilder("SET #size = #size - :one, #ver = #ver + :one");
            names.put("#size", SIZE);
            values.put(":one", n(1));
            if (next != null) {
                set.append(", #head = :head, #ord = :ord");
                names.put("#head", HEAD_INDEX);
                names.put("#ord", ORDER);
                values.put(":head", n(next.index()));
                values.put(":ord", AttributeValue.fromS(order(next.lastTouched())));
            }
            if (asClaimant) {
                set.append(", #until = :until");
                names.put("#until", CLAIMED_UNTIL);
                values.put(":until", n(claimUntil()));
            }
            items.add(update(sequenceKey(processingGroup, key(sequence)), set.toString(), condition, names, values));
            items.add(update(countsKey(processingGroup), "ADD #letters :minusOne", null,
                    Map.of("#letters", LETTERS), Map.of(":minusOne", n(-1))));
        }
        return items;
    }

    @Override
    public void requeue(DeadLetter<? extends M> letter, UnaryOperator<DeadLetter<? extends M>> letterUpdater)
            throws NoSuchDeadLetterException {
        DynamoDbDeadLetter<?> own = own(letter);
        DeadLetter<? extends M> updated = letterUpdater.apply(letter).markTouched();
        if (!requeue(own, updated, false)) {
            throw new NoSuchDeadLetterException("Letter " + own.index() + " (message " + own.message().getIdentifier()
                    + ") is not in sequence '" + own.sequenceIdentifier() + "' of " + processingGroup);
        }
    }

    /** @return false when the letter is not in the queue (or, as claimant, the claim was lost) */
    private boolean requeue(DynamoDbDeadLetter<?> letter, DeadLetter<? extends M> updated, boolean asClaimant) {
        String sequence = letter.sequenceIdentifier();
        for (int attempt = 1; ; attempt++) {
            SequenceState state = sequenceState(sequence);
            if (state == null || asClaimant && !owner.equals(state.claimOwner)) {
                return false;
            }
            Map<String, AttributeValue> touched = codec.touchAttributes(updated);
            Map<String, String> letterNames = new HashMap<>(Map.of("#pk", PK, "#msgId", MESSAGE_ID));
            Map<String, AttributeValue> letterValues = new HashMap<>(Map.of(":msgId", AttributeValue.fromS(letter.message().getIdentifier())));
            List<String> set = new ArrayList<>();
            List<String> remove = new ArrayList<>();
            for (String attribute : List.of(LAST_TOUCHED, CAUSE_TYPE, CAUSE_MESSAGE, DIAGNOSTICS)) {
                letterNames.put("#" + attribute, attribute);
                if (touched.containsKey(attribute)) {
                    set.add("#" + attribute + " = :" + attribute);
                    letterValues.put(":" + attribute, touched.get(attribute));
                } else {
                    remove.add("#" + attribute);
                }
            }
            String letterUpdate = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(update(letterKey(processingGroup, key(sequence), letter.index()), letterUpdate,
                    "attribute_exists(#pk) AND #msgId = :msgId", letterNames, letterValues));
            Map<String, String> names = new HashMap<>(Map.of("#ver", VERSION, "#owner", CLAIM_OWNER, "#until", CLAIMED_UNTIL));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":ver", n(state.version), ":one", n(1)));
            String sequenceUpdate = "SET #ver = #ver + :one";
            if (state.head == letter.index()) {
                sequenceUpdate += ", #ord = :ord";
                names.put("#ord", ORDER);
                values.put(":ord", AttributeValue.fromS(order(updated.lastTouched())));
            }
            String condition = "#ver = :ver";
            if (asClaimant) {
                condition += " AND #owner = :me";
                values.put(":me", AttributeValue.fromS(owner));
            }
            items.add(update(sequenceKey(processingGroup, key(sequence)), sequenceUpdate + " REMOVE #owner, #until",
                    condition, names, values));
            List<String> reasons = transact(items, "requeue in sequence '" + sequence + "'");
            if (reasons.isEmpty()) {
                return true;
            }
            if (failed(reasons, 0)) {
                return false;
            }
            giveUpAfter(attempt, "requeue in sequence '" + sequence + "'");
        }
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return sequenceState(id(sequenceIdentifier)) != null;
    }

    /** The sequence's letters in order, read a page at a time as the iterator advances (a new read per iterator). */
    @Override
    public Iterable<DeadLetter<? extends M>> deadLetterSequence(Object sequenceIdentifier) {
        String sequence = id(sequenceIdentifier);
        return () -> new LetterIterator(sequence);
    }

    /** Every sequence of the group (by identifier), each iterable as {@link #deadLetterSequence(Object)}. */
    @Override
    public Iterable<Iterable<DeadLetter<? extends M>>> deadLetters() {
        return () -> new Iterator<>() {
            private final Iterator<Map<String, AttributeValue>> sequences = new Pages(QueryRequest.builder()
                    .tableName(table).consistentRead(true).limit(pageSize)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(groupPartition(processingGroup)),
                            ":prefix", AttributeValue.fromS(SEQUENCE_PREFIX)))
                    .build(), "list the sequences");

            @Override
            public boolean hasNext() {
                return sequences.hasNext();
            }

            @Override
            public Iterable<DeadLetter<? extends M>> next() {
                String sequence = string(sequences.next(), SEQUENCE_ID);
                return () -> new LetterIterator(sequence);
            }
        };
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        SequenceState state = sequenceState(id(sequenceIdentifier));
        if (state != null) {
            return state.size >= maxSequenceSize;
        }
        return counts().sequences() >= maxSequences;
    }

    @Override
    public long size() {
        return counts().letters();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        SequenceState state = sequenceState(id(sequenceIdentifier));
        return state == null ? 0 : state.size;
    }

    @Override
    public long amountOfSequences() {
        return counts().sequences();
    }

    /** Letters and sequences of the group, in one strongly consistent read. */
    public DeadLetterCounts counts() {
        Map<String, AttributeValue> item = get(countsKey(processingGroup), "read the counts");
        return item == null ? new DeadLetterCounts(0, 0) : new DeadLetterCounts(number(item, LETTERS), number(item, SEQUENCES));
    }

    @Override
    public boolean process(Function<DeadLetter<? extends M>, EnqueueDecision<M>> processingTask) {
        @SuppressWarnings("unchecked")
        Predicate<DeadLetter<? extends M>> any = (Predicate<DeadLetter<? extends M>>) (Predicate<?>) ANY;
        return process(any, processingTask);
    }

    /**
     * Claims the oldest unclaimed sequence whose head letter passes the filter and hands its letters, in order, to the
     * task: each letter the task does not requeue is evicted, and the first one it requeues ends the run.
     *
     * @return true when a whole sequence was processed and evicted; false when there was none to claim, or the task
     * requeued a letter
     */
    @Override
    public boolean process(Predicate<DeadLetter<? extends M>> sequenceFilter,
                           Function<DeadLetter<? extends M>, EnqueueDecision<M>> processingTask) {
        Objects.requireNonNull(sequenceFilter, "sequenceFilter");
        Objects.requireNonNull(processingTask, "processingTask");
        if (sequenceFilter instanceof SequenceFilter<?> one) {
            SequenceState state = sequenceState(one.sequence);
            if (state == null || !claimable(state)) {
                return false;
            }
            DynamoDbDeadLetter<M> head = headOf(state);
            return head != null && claim(state) && processClaimed(head, processingTask);
        }
        boolean unfiltered = isAny(sequenceFilter);
        Iterator<Map<String, AttributeValue>> candidates = new Pages(QueryRequest.builder()
                .tableName(table).indexName(BY_AGE).consistentRead(true).limit(pageSize)
                .keyConditionExpression("#pk = :pk")
                .filterExpression("attribute_not_exists(#owner) OR #until < :now")
                .expressionAttributeNames(Map.of("#pk", PK, "#owner", CLAIM_OWNER, "#until", CLAIMED_UNTIL))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(groupPartition(processingGroup)),
                        ":now", n(now())))
                .build(), "list the claimable sequences");
        while (candidates.hasNext()) {
            SequenceState candidate = SequenceState.of(candidates.next());
            DynamoDbDeadLetter<M> head = null;
            if (!unfiltered) {
                head = headOf(candidate);
                if (head == null || !sequenceFilter.test(head)) {
                    continue;
                }
            }
            if (claim(candidate)) {
                if (head == null) {
                    head = headOf(candidate);
                }
                if (head == null) {
                    // Emptied and removed by another queue between our listing and our claim.
                    release(candidate.sequence);
                    continue;
                }
                return processClaimed(head, processingTask);
            }
        }
        return false;
    }

    /**
     * Processes the claimed sequence from its head letter on. The head was read before or right after the claim: only
     * the claimant moves the head, and an operator's evict of it meanwhile makes its evict here a no-op.
     */
    private boolean processClaimed(DynamoDbDeadLetter<M> head,
                                   Function<DeadLetter<? extends M>, EnqueueDecision<M>> task) {
        String sequence = head.sequenceIdentifier();
        boolean released = false;
        try {
            DynamoDbDeadLetter<M> current = head;
            while (true) {
                EnqueueDecision<M> decision = task.apply(current);
                if (decision.shouldEnqueue()) {
                    DeadLetter<? extends M> updated = decision.withDiagnostics(current)
                            .withCause(decision.enqueueCause().orElse(null)).markTouched();
                    released = true;
                    if (!requeue(current, updated, true)) {
                        logger.warn("Could not requeue {} of sequence '{}' in {}: the sequence's claim expired and"
                                + " was taken over, or the letter was evicted meanwhile", current.index(), sequence, processingGroup);
                    }
                    return false;
                }
                Step step = evictAsClaimant(current);
                if (step.lost) {
                    released = true;
                    logger.warn("Lost the claim on sequence '{}' of {} after processing letter {} (claim duration {}"
                            + " exceeded?); its new claimant processes the rest", sequence, processingGroup,
                            current.index(), claimDuration);
                    return false;
                }
                if (step.next == null) {
                    released = true; // the sequence item is gone, and its claim with it
                    return true;
                }
                current = step.next;
            }
        } finally {
            if (!released) {
                release(sequence);
            }
        }
    }

    /** The sequence's head letter, read by its key; {@code null} when it is gone. */
    private DynamoDbDeadLetter<M> headOf(SequenceState state) {
        Map<String, AttributeValue> item = get(letterKey(processingGroup, key(state.sequence), state.head),
                "read the head of sequence '" + state.sequence + "'");
        return item == null ? letterAfter(state.sequence, state.head) : codec.letter(item);
    }

    /** Evicts the letter as the sequence's claimant and finds the next one; re-reads when an enqueue came between. */
    private Step evictAsClaimant(DynamoDbDeadLetter<M> current) {
        String sequence = current.sequenceIdentifier();
        for (int attempt = 1; ; attempt++) {
            SequenceState state = sequenceState(sequence);
            if (state == null || !owner.equals(state.claimOwner)) {
                return state == null ? new Step(null, false) : new Step(null, true);
            }
            DynamoDbDeadLetter<M> next = letterAfter(sequence, current.index());
            List<String> reasons = transact(evictItems(current, state, next, true), "evict from sequence '" + sequence + "'");
            if (reasons.isEmpty()) {
                return new Step(next, false);
            }
            if (failed(reasons, 0)) {
                // Evicted by someone else meanwhile (an operator); go on with what follows it.
                if (next == null) {
                    SequenceState now = sequenceState(sequence);
                    return now == null ? new Step(null, false) : new Step(letterAfter(sequence, current.index()), false);
                }
                return new Step(next, false);
            }
            giveUpAfter(attempt, "evict from sequence '" + sequence + "'");
        }
    }

    /** Where processing goes after an evict: the next letter ({@code null}: the sequence is done), or the claim was lost. */
    private final class Step {

        private final DynamoDbDeadLetter<M> next;
        private final boolean lost;

        Step(DynamoDbDeadLetter<M> next, boolean lost) {
            this.next = next;
            this.lost = lost;
        }
    }

    private boolean claimable(SequenceState state) {
        return state.claimOwner == null || state.claimedUntil < now();
    }

    private boolean claim(SequenceState state) {
        try {
            client.updateItem(r -> r.tableName(table).key(sequenceKey(processingGroup, key(state.sequence)))
                    .updateExpression("SET #owner = :me, #until = :until")
                    .conditionExpression("attribute_exists(#pk) AND (attribute_not_exists(#owner) OR #until < :now)")
                    .expressionAttributeNames(Map.of("#pk", PK, "#owner", CLAIM_OWNER, "#until", CLAIMED_UNTIL))
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(owner), ":until", n(claimUntil()),
                            ":now", n(now())))
                    .returnValues(ReturnValue.NONE));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw translate("claim sequence '" + state.sequence + "'", e);
        }
    }

    private void release(String sequence) {
        try {
            client.updateItem(r -> r.tableName(table).key(sequenceKey(processingGroup, key(sequence)))
                    .updateExpression("REMOVE #owner, #until")
                    .conditionExpression("#owner = :me")
                    .expressionAttributeNames(Map.of("#owner", CLAIM_OWNER, "#until", CLAIMED_UNTIL))
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(owner))));
        } catch (ConditionalCheckFailedException e) {
            logger.debug("Sequence '{}' of {} was not claimed by {} any more", sequence, processingGroup, owner);
        } catch (SdkException e) {
            // The claim expires by itself after the claim duration.
            logger.warn("Could not release the claim on sequence '{}' of {}; it expires in {}: {}", sequence,
                    processingGroup, claimDuration, e.getMessage());
        }
    }

    /** Removes every sequence of the group, one at a time (not atomic as a whole). */
    @Override
    public void clear() {
        List<String> sequences = new ArrayList<>();
        new Pages(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .projectionExpression("#seq")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK, "#seq", SEQUENCE_ID))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(groupPartition(processingGroup)),
                        ":prefix", AttributeValue.fromS(SEQUENCE_PREFIX)))
                .build(), "list the sequences").forEachRemaining(item -> sequences.add(string(item, SEQUENCE_ID)));
        sequences.forEach(this::clear);
    }

    private void clear(String sequence) {
        for (int attempt = 1; ; attempt++) {
            SequenceState state = sequenceState(sequence);
            if (state == null) {
                return;
            }
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            new Pages(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk").projectionExpression("#pk, #sk")
                    .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(letterPartition(processingGroup, key(sequence)))))
                    .build(), "list the letters of sequence '" + sequence + "'").forEachRemaining(keys::add);
            for (int from = 0; from < keys.size(); from += 25) {
                List<WriteRequest> deletes = keys.subList(from, Math.min(keys.size(), from + 25)).stream()
                        .map(k -> WriteRequest.builder().deleteRequest(d -> d.key(k)).build()).toList();
                batchWrite(deletes, sequence);
            }
            List<String> reasons = transact(List.of(
                    TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                            .key(sequenceKey(processingGroup, key(sequence))).conditionExpression("#ver = :ver")
                            .expressionAttributeNames(Map.of("#ver", VERSION))
                            .expressionAttributeValues(Map.of(":ver", n(state.version))).build()).build(),
                    update(countsKey(processingGroup), "ADD #letters :letters, #sequences :minusOne", null,
                            Map.of("#letters", LETTERS, "#sequences", SEQUENCES),
                            Map.of(":letters", n(-state.size), ":minusOne", n(-1)))), "clear sequence '" + sequence + "'");
            if (reasons.isEmpty()) {
                return;
            }
            giveUpAfter(attempt, "clear sequence '" + sequence + "'");
        }
    }

    private void batchWrite(List<WriteRequest> requests, String sequence) {
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        for (int attempt = 1; !pending.isEmpty() && !pending.getOrDefault(table, List.of()).isEmpty(); attempt++) {
            Map<String, List<WriteRequest>> batch = pending;
            try {
                pending = client.batchWriteItem(r -> r.requestItems(batch)).unprocessedItems();
            } catch (SdkException e) {
                throw translate("delete the letters of sequence '" + sequence + "'", e);
            }
            if (pending != null && !pending.isEmpty()) {
                giveUpAfter(attempt, "delete the letters of sequence '" + sequence + "'");
            } else {
                return;
            }
        }
    }

    /** The first letter of the sequence with an index above {@code index}; {@code null} when there is none. */
    private DynamoDbDeadLetter<M> letterAfter(String sequence, long index) {
        try {
            QueryResponse response = client.query(lettersFrom(sequence, index + 1).limit(1).build());
            return response.items().isEmpty() ? null : codec.letter(response.items().get(0));
        } catch (SdkException e) {
            throw translate("read sequence '" + sequence + "'", e);
        }
    }

    private QueryRequest.Builder lettersFrom(String sequence, long fromIndex) {
        return QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(letterPartition(processingGroup, key(sequence))),
                        ":from", AttributeValue.fromS(letterSortKey(Math.max(0, fromIndex))),
                        ":to", AttributeValue.fromS(LAST_LETTER_KEY)));
    }

    private SequenceState sequenceState(String sequence) {
        Map<String, AttributeValue> item = get(sequenceKey(processingGroup, key(sequence)), "read sequence '" + sequence + "'");
        return item == null ? null : SequenceState.of(item);
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key, String what) {
        try {
            Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
            return item == null || item.isEmpty() ? null : item;
        } catch (SdkException e) {
            throw translate(what, e);
        }
    }

    /**
     * Runs the transaction; answers nothing when it was applied, else the cancellation reason of each item
     * ({@code None}, {@code ConditionalCheckFailed}, {@code TransactionConflict}, ...).
     */
    private List<String> transact(List<TransactWriteItem> items, String what) {
        String token = UUID.randomUUID().toString();
        try {
            client.transactWriteItems(r -> r.transactItems(items).clientRequestToken(token));
            return List.of();
        } catch (TransactionCanceledException e) {
            List<String> reasons = e.hasCancellationReasons()
                    ? e.cancellationReasons().stream().map(CancellationReason::code).map(code -> code == null ? "None" : code).toList()
                    : List.of();
            if (reasons.stream().anyMatch(code -> code.equals("ValidationError"))) {
                throw new DynamoDbDeadLetterQueueException("Could not " + what + " in " + processingGroup + ": " + e.getMessage(), e);
            }
            return reasons.isEmpty() ? List.of("Unknown") : reasons;
        } catch (SdkException e) {
            throw translate(what, e);
        }
    }

    private static boolean failed(List<String> reasons, int item) {
        return reasons.size() > item && CONDITIONAL_CHECK_FAILED.equals(reasons.get(item));
    }

    private void giveUpAfter(int attempt, String what) {
        if (attempt >= ATTEMPTS) {
            throw new DeadLetterQueueUnavailableException("Could not " + what + " of " + processingGroup + ": it"
                    + " collided with concurrent changes " + attempt + " times", null);
        }
        LockSupport.parkNanos(COLLISION_BACKOFF.computeDelay(attempt).toNanos());
    }

    private RuntimeException translate(String what, SdkException e) {
        String message = "Could not " + what + " of " + processingGroup + " in " + table + ": " + e.getMessage();
        return DynamoDbErrors.isTransient(e) ? new DeadLetterQueueUnavailableException(message, e) : new DynamoDbDeadLetterQueueException(message, e);
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition, Map<String, String> names,
                                  Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (condition != null) {
            put.conditionExpression(condition);
        }
        if (!names.isEmpty()) {
            put.expressionAttributeNames(names);
        }
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private TransactWriteItem update(Map<String, AttributeValue> key, String expression, String condition,
                                     Map<String, String> names, Map<String, AttributeValue> values) {
        Update.Builder update = Update.builder().tableName(table).key(key).updateExpression(expression)
                .expressionAttributeNames(names);
        if (condition != null) {
            update.conditionExpression(condition);
        }
        if (!values.isEmpty()) {
            update.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }

    private DynamoDbDeadLetter<?> own(DeadLetter<? extends M> letter) {
        if (letter instanceof DynamoDbDeadLetter<?> own) {
            return own;
        }
        throw new WrongDeadLetterTypeException("A DynamoDbSequencedDeadLetterQueue evicts and requeues the letters it"
                + " handed out (DynamoDbDeadLetter), not a " + (letter == null ? "null" : letter.getClass().getName()));
    }

    private DeadLetterQueueOverflowException overflow(String sequence) {
        return new DeadLetterQueueOverflowException("The dead-letter queue of " + processingGroup + " is full for"
                + " sequence '" + sequence + "': at most " + maxSequences + " sequences of at most " + maxSequenceSize
                + " letters each");
    }

    private long now() {
        return GenericDeadLetter.clock.millis();
    }

    private long claimUntil() {
        return now() + claimDuration.toMillis();
    }

    private static String id(Object sequenceIdentifier) {
        return Objects.requireNonNull(sequenceIdentifier, "sequenceIdentifier").toString();
    }

    /** The sequence's part of its keys: itself, or its SHA-256 when long (DynamoDB's sort keys end at 1 KB). */
    private static String key(String sequence) {
        if (sequence.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES && !sequence.startsWith(HASHED)) {
            return sequence;
        }
        try {
            return HASHED + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sequence.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static boolean isAny(Predicate<?> filter) {
        return filter == ANY;
    }

    /** A sequence item's state: what conditions and decisions need. */
    private record SequenceState(String sequence, long size, long next, long head, long version, String claimOwner,
                                 long claimedUntil) {
        static SequenceState of(Map<String, AttributeValue> item) {
            return new SequenceState(string(item, SEQUENCE_ID), number(item, SIZE), number(item, NEXT_INDEX),
                    number(item, HEAD_INDEX), number(item, VERSION), string(item, CLAIM_OWNER), number(item, CLAIMED_UNTIL));
        }
    }

    private static final class SequenceFilter<M extends EventMessage<?>> implements Predicate<DeadLetter<? extends M>> {

        private final String sequence;

        SequenceFilter(String sequence) {
            this.sequence = sequence;
        }

        @Override
        public boolean test(DeadLetter<? extends M> letter) {
            if (letter instanceof DynamoDbDeadLetter<?> own) {
                return sequence.equals(own.sequenceIdentifier());
            }
            return letter instanceof GenericDeadLetter<?> generic && sequence.equals(String.valueOf(generic.getSequenceIdentifier()));
        }

        @Override
        public String toString() {
            return "sequence '" + sequence + "'";
        }
    }

    /** Letters of one sequence in index order, a page per query. */
    private final class LetterIterator implements Iterator<DeadLetter<? extends M>> {

        private final Pages pages;

        LetterIterator(String sequence) {
            this.pages = new Pages(lettersFrom(sequence, 0).limit(pageSize).build(), "read sequence '" + sequence + "'");
        }

        @Override
        public boolean hasNext() {
            return pages.hasNext();
        }

        @Override
        public DeadLetter<? extends M> next() {
            return codec.<M>letter(pages.next());
        }
    }

    /**
     * The items of a query through the SDK's paginator, one page read at a time as they are consumed, with the SDK's
     * failures translated like every other call of this queue.
     */
    private final class Pages implements Iterator<Map<String, AttributeValue>> {

        private final Iterator<Map<String, AttributeValue>> items;
        private final String what;

        Pages(QueryRequest request, String what) {
            this.items = client.queryPaginator(request).items().iterator();
            this.what = what;
        }

        @Override
        public boolean hasNext() {
            try {
                return items.hasNext();
            } catch (SdkException e) {
                throw translate(what, e);
            }
        }

        @Override
        public Map<String, AttributeValue> next() {
            try {
                return items.next();
            } catch (SdkException e) {
                throw translate(what, e);
            }
        }
    }

    /**
     * Builds a {@link DynamoDbSequencedDeadLetterQueue}. Required: {@link #processingGroup}, {@link #client},
     * {@link #tableName} and the serializers ({@link #serializer} for both, or {@link #eventSerializer} and
     * {@link #genericSerializer}). Defaults: {@link #maxSequences} {@value DynamoDbSequencedDeadLetterQueue#DEFAULT_MAX_SEQUENCES},
     * {@link #maxSequenceSize} {@value DynamoDbSequencedDeadLetterQueue#DEFAULT_MAX_SEQUENCE_SIZE}, {@link #claimDuration}
     * 30 s, {@link #pageSize} {@value DynamoDbSequencedDeadLetterQueue#DEFAULT_PAGE_SIZE}.
     *
     * @param <M> the event message type
     */
    public static class Builder<M extends EventMessage<?>> {

        private String processingGroup;
        private DynamoDbClient client;
        private String tableName;
        private Serializer eventSerializer;
        private Serializer genericSerializer;
        private int maxSequences = DEFAULT_MAX_SEQUENCES;
        private int maxSequenceSize = DEFAULT_MAX_SEQUENCE_SIZE;
        private Duration claimDuration = DEFAULT_CLAIM_DURATION;
        private int pageSize = DEFAULT_PAGE_SIZE;

        /** The processing group whose letters this queue holds; required, at most 255 characters. */
        public Builder<M> processingGroup(String processingGroup) {
            assertThat(processingGroup, g -> g != null && !g.isBlank(), "The processing group may not be null or blank");
            assertThat(processingGroup, group -> group.length() <= 255, "The processing group may have at most 255 characters");
            this.processingGroup = processingGroup;
            return this;
        }

        /** The DynamoDB client; required. */
        public Builder<M> client(DynamoDbClient client) {
            assertNonNull(client, "The DynamoDbClient may not be null");
            this.client = client;
            return this;
        }

        /** The table (see {@link DynamoDbSequencedDeadLetterQueue#tableSpec(String)}); required. */
        public Builder<M> tableName(String tableName) {
            assertThat(tableName, t -> t != null && !t.isBlank(), "The table name may not be null or blank");
            this.tableName = tableName;
            return this;
        }

        /** One serializer for everything: the events' payloads and metadata, tokens and diagnostics. */
        public Builder<M> serializer(Serializer serializer) {
            assertNonNull(serializer, "The serializer may not be null");
            this.eventSerializer = serializer;
            this.genericSerializer = serializer;
            return this;
        }

        /** Serializes the events' payloads and metadata; usually Axon's event serializer. */
        public Builder<M> eventSerializer(Serializer eventSerializer) {
            assertNonNull(eventSerializer, "The event serializer may not be null");
            this.eventSerializer = eventSerializer;
            return this;
        }

        /** Serializes tracking tokens and diagnostics; usually Axon's general serializer. */
        public Builder<M> genericSerializer(Serializer genericSerializer) {
            assertNonNull(genericSerializer, "The generic serializer may not be null");
            this.genericSerializer = genericSerializer;
            return this;
        }

        /** Most sequences the group may hold; a new sequence beyond it overflows. Default 1024. */
        public Builder<M> maxSequences(int maxSequences) {
            assertStrictPositive(maxSequences, "The maximum number of sequences must be positive");
            this.maxSequences = maxSequences;
            return this;
        }

        /** Most letters one sequence may hold; one more overflows. Default 1024. */
        public Builder<M> maxSequenceSize(int maxSequenceSize) {
            assertStrictPositive(maxSequenceSize, "The maximum sequence size must be positive");
            this.maxSequenceSize = maxSequenceSize;
            return this;
        }

        /**
         * How long a claim on a sequence holds without being extended (every evicted letter extends it); a claim left
         * by a crashed instance expires after it. Default 30 s.
         */
        public Builder<M> claimDuration(Duration claimDuration) {
            assertNonNull(claimDuration, "The claim duration may not be null");
            assertThat(claimDuration, d -> !d.isNegative() && !d.isZero(), "The claim duration must be positive");
            this.claimDuration = claimDuration;
            return this;
        }

        /** Items per query page when listing sequences and letters. Default 100. */
        public Builder<M> pageSize(int pageSize) {
            assertStrictPositive(pageSize, "The page size must be positive");
            this.pageSize = pageSize;
            return this;
        }

        public DynamoDbSequencedDeadLetterQueue<M> build() {
            return new DynamoDbSequencedDeadLetterQueue<>(this);
        }

        /**
         * Checks that everything required is set.
         *
         * @throws AxonConfigurationException naming what is missing
         */
        protected void validate() {
            assertNonNull(processingGroup, "The processing group is a hard requirement and should be provided");
            assertNonNull(client, "The DynamoDbClient is a hard requirement and should be provided");
            assertNonNull(tableName, "The table name is a hard requirement and should be provided");
            assertNonNull(eventSerializer, "The event serializer is a hard requirement and should be provided");
            assertNonNull(genericSerializer, "The generic serializer is a hard requirement and should be provided");
        }
    }
}
