package com.boxoffice.axon.dynamodb.tokenstore;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import com.boxoffice.axon.dynamodb.support.DynamoDbErrors;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import static com.boxoffice.axon.dynamodb.tokenstore.TokenTable.CLAIMED_AT;
import static com.boxoffice.axon.dynamodb.tokenstore.TokenTable.CONFIG_PROCESSOR;
import static com.boxoffice.axon.dynamodb.tokenstore.TokenTable.OWNER;
import static com.boxoffice.axon.dynamodb.tokenstore.TokenTable.PROCESSOR;
import static com.boxoffice.axon.dynamodb.tokenstore.TokenTable.SEGMENT;
import static com.boxoffice.axon.dynamodb.tokenstore.TokenTable.STORAGE_ID;
import static com.boxoffice.axon.dynamodb.tokenstore.TokenTable.TOKEN;
import static com.boxoffice.axon.dynamodb.tokenstore.TokenTable.TOKEN_REVISION;
import static com.boxoffice.axon.dynamodb.tokenstore.TokenTable.TOKEN_TYPE;
import static com.boxoffice.axon.dynamodb.tokenstore.TokenTable.claimedAtOf;
import static com.boxoffice.axon.dynamodb.tokenstore.TokenTable.key;
import static com.boxoffice.axon.dynamodb.tokenstore.TokenTable.ownerOf;
import static com.boxoffice.axon.dynamodb.tokenstore.TokenTable.segmentOf;
import static org.axonframework.common.BuilderUtils.assertNonNull;
import static org.axonframework.common.BuilderUtils.assertThat;

/**
 * Axon's {@link TokenStore} on DynamoDB: one item per (processor, segment) with its token and its claim (owner and
 * time of the last claim). Claims, extensions, stores, releases and deletes are conditional writes that compare owners
 * for equality, so the segments of one processor spread over several JVMs, and a dead JVM's segments are taken over
 * once its claims are older than the claim timeout. Every read that decides ownership is strongly consistent. See the
 * package documentation for the choices behind the defaults.
 */
public class DynamoDbTokenStore implements TokenStore {

    /** Idle pooled processors extend every 5 s + up to 5 s (Axon's defaults); 15 s leaves 5 s for pauses and skew. */
    public static final Duration DEFAULT_CLAIM_TIMEOUT = Duration.ofSeconds(15);
    /** DynamoDB's limit of items in one transaction. */
    public static final int MAX_INITIAL_SEGMENTS = 100;
    private static final int INITIALIZE_ATTEMPTS = 5;
    /** Between initialisations that collided: up to 100 ms, then 200 ms, then 400 ms. */
    private static final BackoffStrategy INITIALIZE_BACKOFF =
            BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofMillis(400));
    private static final Logger logger = LoggerFactory.getLogger(DynamoDbTokenStore.class);

    /** A conditional write may claim when the segment exists and is unclaimed, claimed by us, or its claim expired. */
    private static final String CLAIMABLE =
            "attribute_exists(#processor) AND (attribute_not_exists(#owner) OR #owner = :me OR #claimedAt < :expiredBefore)";
    private static final String OURS = "#owner = :me";
    private static final String ABSENT = "attribute_not_exists(#processor)";

    private final DynamoDbClient client;
    private final String table;
    private final TokenCodec codec;
    private final Duration claimTimeout;
    private final String owner;
    private final Clock clock;

    /**
     * Instantiates a token store from a {@link Builder}, validating it first (an {@link AxonConfigurationException}
     * names what is missing). Claims are timed with the system clock (UTC), as Axon's processors time theirs.
     */
    protected DynamoDbTokenStore(Builder builder) {
        this(builder, Clock.systemUTC());
    }

    /** For tests, which move the clock by hand to expire claims. Not on the builder: it is no setting of the store. */
    DynamoDbTokenStore(Builder builder, Clock clock) {
        builder.validate();
        this.client = builder.client;
        this.table = builder.table;
        this.codec = new TokenCodec(builder.serializer);
        this.claimTimeout = builder.claimTimeout;
        this.owner = builder.owner != null ? builder.owner
                : ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.clock = clock;
    }

    /** A builder; see {@link Builder} for what it needs and its defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The table this store needs, for the application's start-up table creation. */
    public static TableSpec tableSpec(String tableName) {
        return TokenTable.spec(tableName);
    }

    /** This store's name in the claims it writes. */
    public String owner() {
        return owner;
    }

    public Duration claimTimeout() {
        return claimTimeout;
    }

    public String table() {
        return table;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        initializeTokenSegments(processorName, segmentCount, null);
    }

    /**
     * Creates segments {@code 0..segmentCount-1} in one transaction, each on condition that it does not exist: of
     * instances starting together exactly one initialises, the others get {@link UnableToInitializeTokenException}.
     */
    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        refuseReservedName(processorName);
        if (segmentCount < 1 || segmentCount > MAX_INITIAL_SEGMENTS) {
            throw new UnableToInitializeTokenException("Processor " + processorName + " cannot be initialised with "
                    + segmentCount + " segments: between 1 and " + MAX_INITIAL_SEGMENTS
                    + " (one DynamoDB transaction) are supported; split segments later for more");
        }
        List<TransactWriteItem> puts = new ArrayList<>();
        for (int segment = 0; segment < segmentCount; segment++) {
            Map<String, AttributeValue> item = new HashMap<>(key(processorName, segment));
            item.putAll(codec.attributes(initialToken));
            puts.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                    .conditionExpression(ABSENT).expressionAttributeNames(Map.of("#processor", PROCESSOR)).build()).build());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                // The SDK resends a request whose answer was lost with the same token, which DynamoDB then ignores.
                String idempotencyToken = UUID.randomUUID().toString();
                client.transactWriteItems(r -> r.transactItems(puts).clientRequestToken(idempotencyToken));
                return;
            } catch (TransactionCanceledException e) {
                if (reasons(e).contains("ConditionalCheckFailed")) {
                    throw new UnableToInitializeTokenException("Processor " + processorName
                            + " has token segments already (another instance initialised it)", e);
                }
                if (!reasons(e).stream().allMatch(DynamoDbErrors::isRetryableCancellationReason)) {
                    throw TokenStoreFailures.translate("Could not initialise the segments of " + processorName, e);
                }
                if (attempt == INITIALIZE_ATTEMPTS) {
                    // Concurrent initialisations can cancel each other; after this many, report it as transient.
                    throw new TokenStoreUnavailableException("Initialising the segments of " + processorName
                            + " collided with other transactions " + attempt + " times", e);
                }
                // The SDK numbers the try about to be made. Parking: an interrupt cuts the wait short and stays set
                // for the caller to see.
                LockSupport.parkNanos(INITIALIZE_BACKOFF.computeDelay(attempt + 1).toNanos());
            } catch (SdkException e) {
                throw TokenStoreFailures.translate("Could not initialise the segments of " + processorName, e);
            }
        }
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        Map<String, String> names = new HashMap<>(claimNames());
        Map<String, AttributeValue> values = new HashMap<>(claimValues());
        names.putAll(Map.of("#token", TOKEN, "#tokenType", TOKEN_TYPE, "#tokenRevision", TOKEN_REVISION));
        StringBuilder update = new StringBuilder("SET #owner = :me, #claimedAt = :now");
        Map<String, AttributeValue> attributes = codec.attributes(token);
        attributes.forEach((name, value) -> {
            update.append(", #").append(name).append(" = :").append(name);
            values.put(":" + name, value);
        });
        List<String> absent = List.of(TOKEN, TOKEN_TYPE, TOKEN_REVISION).stream()
                .filter(name -> !attributes.containsKey(name)).map(name -> "#" + name).toList();
        if (!absent.isEmpty()) {
            // A null token (start of the stream) or a type without a revision: nothing of an older token may remain.
            update.append(" REMOVE ").append(String.join(", ", absent));
        }
        try {
            client.updateItem(r -> r.tableName(table).key(key(processorName, segment))
                    .updateExpression(update.toString())
                    .conditionExpression(CLAIMABLE)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            throw claimRefused("store the token of", processorName, segment, e);
        } catch (SdkException e) {
            throw TokenStoreFailures.translate("Could not store the token of " + segmentName(processorName, segment), e);
        }
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return codec.token(claim(processorName, segment));
    }

    /**
     * Claims the segment like {@link #fetchToken(String, int)} and then checks that it is still the segment the caller
     * computed: if another instance split or merged it meanwhile, the claim is given back and refused, so that nobody
     * handles a segment with a stale mask (and so events of another segment). Checking after claiming cannot race: a
     * split or merge needs the claim we now hold.
     */
    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        Map<String, AttributeValue> before = claim(processorName, segment.getSegmentId());
        Segment current = Segment.computeSegment(segment.getSegmentId(), fetchSegments(processorName));
        if (current.getMask() != segment.getMask()) {
            if (!owner.equals(ownerOf(before))) {
                releaseClaim(processorName, segment.getSegmentId());
            }
            throw new UnableToClaimTokenException("Unable to claim " + segmentName(processorName, segment.getSegmentId())
                    + ": it has been " + (current.getMask() > segment.getMask() ? "split" : "merged")
                    + " since its segments were read");
        }
        return codec.token(before);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        try {
            client.updateItem(r -> r.tableName(table).key(key(processorName, segment))
                    .updateExpression("SET #claimedAt = :now")
                    .conditionExpression(OURS)
                    .expressionAttributeNames(Map.of("#owner", OWNER, "#claimedAt", CLAIMED_AT))
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(owner), ":now", AttributeValue.fromN(Long.toString(clock.millis()))))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            throw claimRefused("extend the claim on", processorName, segment, e);
        } catch (SdkException e) {
            throw TokenStoreFailures.translate("Could not extend the claim on " + segmentName(processorName, segment), e);
        }
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        try {
            client.updateItem(r -> r.tableName(table).key(key(processorName, segment))
                    .updateExpression("REMOVE #owner")
                    .conditionExpression(OURS)
                    .expressionAttributeNames(Map.of("#owner", OWNER))
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(owner))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Like Axon's JDBC store: someone took it over after our claim expired, or it is gone; nothing to release.
            logger.debug("{} was not claimed by {} any more; nothing to release", segmentName(processorName, segment), owner);
        } catch (SdkException e) {
            throw TokenStoreFailures.translate("Could not release the claim on " + segmentName(processorName, segment), e);
        }
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        refuseReservedName(processorName);
        Map<String, AttributeValue> item = new HashMap<>(key(processorName, segment));
        item.putAll(codec.attributes(token));
        try {
            client.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression(ABSENT)
                    .expressionAttributeNames(Map.of("#processor", PROCESSOR)));
        } catch (ConditionalCheckFailedException e) {
            throw new UnableToInitializeTokenException("Segment " + segmentName(processorName, segment) + " exists already", e);
        } catch (SdkException e) {
            throw TokenStoreFailures.translate("Could not initialise " + segmentName(processorName, segment), e);
        }
    }

    /** Deletes a segment (a merge does this), only while this store holds its claim. */
    @Override
    public void deleteToken(String processorName, int segment) {
        try {
            client.deleteItem(r -> r.tableName(table).key(key(processorName, segment))
                    .conditionExpression(OURS)
                    .expressionAttributeNames(Map.of("#owner", OWNER))
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(owner)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            throw claimRefused("delete", processorName, segment, e);
        } catch (SdkException e) {
            throw TokenStoreFailures.translate("Could not delete " + segmentName(processorName, segment), e);
        }
    }

    /** Segments are created by {@link #initializeTokenSegments} only, never by a claim: that keeps split and merge safe. */
    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return true;
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return segmentItems(processorName).stream().mapToInt(TokenTable::segmentOf).sorted().toArray();
    }

    /** The segments this store may claim now: unclaimed, claimed by this store, or with an expired claim. */
    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        List<Map<String, AttributeValue>> items = segmentItems(processorName);
        int[] all = items.stream().mapToInt(TokenTable::segmentOf).sorted().toArray();
        long expiredBefore = clock.millis() - claimTimeout.toMillis();
        List<Segment> available = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            String claimant = ownerOf(item);
            if (claimant == null || owner.equals(claimant) || claimedAtOf(item) < expiredBefore) {
                available.add(Segment.computeSegment(segmentOf(item), all));
            }
        }
        return available;
    }

    /**
     * Every segment of a processor as stored, for operators: its mask, who claims it (with expired claims marked) and
     * its token. A read only (strongly consistent): it claims nothing, so it can watch processors of other instances.
     */
    public List<ClaimedSegment> describe(String processorName) {
        List<Map<String, AttributeValue>> items = segmentItems(processorName, true);
        int[] all = items.stream().mapToInt(TokenTable::segmentOf).sorted().toArray();
        long expiredBefore = clock.millis() - claimTimeout.toMillis();
        return items.stream()
                .map(item -> {
                    String claimant = ownerOf(item);
                    long claimedAt = claimedAtOf(item);
                    return new ClaimedSegment(segmentOf(item), Segment.computeSegment(segmentOf(item), all).getMask(),
                            claimant, item.containsKey(CLAIMED_AT) ? Instant.ofEpochMilli(claimedAt) : null,
                            claimant != null && claimedAt < expiredBefore, codec.token(item));
                })
                .sorted(Comparator.comparingInt(ClaimedSegment::segment))
                .toList();
    }

    /**
     * The identifier of this table's contents, the same for every instance: created once by whoever asks first, with a
     * conditional put, in a reserved item of the table.
     */
    @Override
    public Optional<String> retrieveStorageIdentifier() {
        Map<String, AttributeValue> key = key(CONFIG_PROCESSOR, 0);
        try {
            Optional<String> existing = readStorageIdentifier(key);
            if (existing.isPresent()) {
                return existing;
            }
            Map<String, AttributeValue> created = new HashMap<>(key);
            created.put(STORAGE_ID, AttributeValue.fromS(UUID.randomUUID().toString()));
            try {
                client.putItem(r -> r.tableName(table).item(created)
                        .conditionExpression(ABSENT)
                        .expressionAttributeNames(Map.of("#processor", PROCESSOR)));
                return Optional.of(created.get(STORAGE_ID).s());
            } catch (ConditionalCheckFailedException raced) {
                // Another instance created it between our read and our put: theirs is the one.
                return Optional.of(readStorageIdentifier(key).orElseThrow(() ->
                        new UnableToRetrieveIdentifierException("The identifier item of " + table + " exists without an identifier", raced)));
            }
        } catch (SdkException e) {
            throw new UnableToRetrieveIdentifierException("Could not read the token store's identifier from " + table
                    + ": " + e.getMessage(), TokenStoreFailures.translate("Reading " + table, e));
        }
    }

    private Optional<String> readStorageIdentifier(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        return item != null && item.containsKey(STORAGE_ID) ? Optional.of(item.get(STORAGE_ID).s()) : Optional.empty();
    }

    /** Claims or re-claims a segment; answers the item as it was before (its token, and who held it). */
    private Map<String, AttributeValue> claim(String processorName, int segment) {
        try {
            return client.updateItem(r -> r.tableName(table).key(key(processorName, segment))
                    .updateExpression("SET #owner = :me, #claimedAt = :now")
                    .conditionExpression(CLAIMABLE)
                    .expressionAttributeNames(claimNames())
                    .expressionAttributeValues(claimValues())
                    .returnValues(ReturnValue.ALL_OLD)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
        } catch (ConditionalCheckFailedException e) {
            throw claimRefused("claim", processorName, segment, e);
        } catch (SdkException e) {
            throw TokenStoreFailures.translate("Could not claim " + segmentName(processorName, segment), e);
        }
    }

    /** All items of a processor (small: one per segment), strongly consistent, following pages. */
    private List<Map<String, AttributeValue>> segmentItems(String processorName) {
        return segmentItems(processorName, false);
    }

    /**
     * All items of a processor, with their tokens when asked (larger reads, so only {@link #describe} does). The
     * paginator follows the pages; a processor's items are few, so it reads them all.
     */
    private List<Map<String, AttributeValue>> segmentItems(String processorName, boolean withTokens) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#processor = :processor")
                .expressionAttributeValues(Map.of(":processor", AttributeValue.fromS(processorName)));
        if (withTokens) {
            query.expressionAttributeNames(Map.of("#processor", PROCESSOR));
        } else {
            query.expressionAttributeNames(Map.of("#processor", PROCESSOR, "#segment", SEGMENT, "#owner", OWNER, "#claimedAt", CLAIMED_AT))
                    .projectionExpression("#segment, #owner, #claimedAt");
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        try {
            // Inside the try: the paginator sends its requests while it is iterated.
            client.queryPaginator(query.build()).items().forEach(items::add);
        } catch (SdkException e) {
            throw TokenStoreFailures.translate("Could not read the segments of " + processorName, e);
        }
        return items;
    }

    private UnableToClaimTokenException claimRefused(String action, String processorName, int segment, ConditionalCheckFailedException e) {
        Map<String, AttributeValue> current = e.hasItem() ? e.item() : null;
        if (current == null || current.isEmpty()) {
            return new UnableToClaimTokenException("Unable to " + action + " " + segmentName(processorName, segment)
                    + " as " + owner + ": the segment has not been initialised (or was deleted)");
        }
        String claimant = ownerOf(current);
        return new UnableToClaimTokenException("Unable to " + action + " " + segmentName(processorName, segment) + " as "
                + owner + ": it is claimed by " + (claimant == null ? "nobody" : claimant));
    }

    private Map<String, String> claimNames() {
        return Map.of("#processor", PROCESSOR, "#owner", OWNER, "#claimedAt", CLAIMED_AT);
    }

    private Map<String, AttributeValue> claimValues() {
        long now = clock.millis();
        return Map.of(":me", AttributeValue.fromS(owner),
                ":now", AttributeValue.fromN(Long.toString(now)),
                ":expiredBefore", AttributeValue.fromN(Long.toString(now - claimTimeout.toMillis())));
    }

    private static List<String> reasons(TransactionCanceledException e) {
        return e.hasCancellationReasons() ? e.cancellationReasons().stream().map(CancellationReason::code).toList() : List.of();
    }

    private static void refuseReservedName(String processorName) {
        if (CONFIG_PROCESSOR.equals(processorName)) {
            throw new IllegalArgumentException(CONFIG_PROCESSOR + " is reserved by the DynamoDB token store");
        }
    }

    private static String segmentName(String processorName, int segment) {
        return processorName + "[" + segment + "]";
    }

    /**
     * Builds a {@link DynamoDbTokenStore}.
     * <p>
     * Hard requirements: the {@link #client(DynamoDbClient) client}, the {@link #table(String) table} and the
     * {@link #serializer(Serializer) serializer}. Defaults: a {@link #claimTimeout(Duration) claim timeout} of
     * {@link #DEFAULT_CLAIM_TIMEOUT 15 s} and an {@link #owner(String) owner} name unique to the store instance.
     * Setters refuse invalid values at once with an {@link AxonConfigurationException}.
     */
    public static class Builder {

        private DynamoDbClient client;
        private String table;
        private Serializer serializer;
        private Duration claimTimeout = DEFAULT_CLAIM_TIMEOUT;
        private String owner;

        /** The client the store reads and writes with. Required. */
        public Builder client(DynamoDbClient client) {
            assertNonNull(client, "The DynamoDbClient may not be null");
            this.client = client;
            return this;
        }

        /** The token table (it must exist, see {@link DynamoDbTokenStore#tableSpec(String)}). Required. */
        public Builder table(String table) {
            assertThat(table, name -> name != null && !name.isBlank(), "The token table's name may not be null or blank");
            this.table = table;
            return this;
        }

        /**
         * Serializes tokens; Axon's Jackson 3 serializer needs {@code TrackingTokenTyping} to read replay tokens.
         * Required.
         */
        public Builder serializer(Serializer serializer) {
            assertNonNull(serializer, "The Serializer may not be null");
            this.serializer = serializer;
            return this;
        }

        /** How long a claim holds without extension before another store may take the segment; positive. Default 15 s. */
        public Builder claimTimeout(Duration claimTimeout) {
            assertThat(claimTimeout, timeout -> timeout != null && !timeout.isNegative() && !timeout.isZero(),
                    "A DynamoDbTokenStore needs a positive claim timeout, not " + claimTimeout);
            this.claimTimeout = claimTimeout;
            return this;
        }

        /**
         * This store's name in claims; must differ between stores that run the same processors, and may not be blank.
         * Default: the JVM's {@code pid@host} plus a random suffix, unique per store instance (see the package
         * documentation).
         */
        public Builder owner(String owner) {
            assertThat(owner, name -> name != null && !name.isBlank(), "A DynamoDbTokenStore's owner name cannot be null or blank");
            this.owner = owner;
            return this;
        }

        /** Checks the hard requirements; the store's constructor calls it. */
        protected void validate() throws AxonConfigurationException {
            assertNonNull(client, "The DynamoDbClient is a hard requirement and should be provided");
            assertNonNull(table, "The token table is a hard requirement and should be provided");
            assertNonNull(serializer, "The Serializer is a hard requirement and should be provided");
        }

        /** @throws AxonConfigurationException when a hard requirement is missing */
        public DynamoDbTokenStore build() {
            return new DynamoDbTokenStore(this);
        }
    }
}
