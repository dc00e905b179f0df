package com.boxoffice.infrastructure.tokenstore;

import com.boxoffice.infrastructure.dynamodb.TableSpec;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.boxoffice.infrastructure.tokenstore.TokenTable.CLAIMED_AT;
import static com.boxoffice.infrastructure.tokenstore.TokenTable.CONFIG_PROCESSOR;
import static com.boxoffice.infrastructure.tokenstore.TokenTable.OWNER;
import static com.boxoffice.infrastructure.tokenstore.TokenTable.PROCESSOR;
import static com.boxoffice.infrastructure.tokenstore.TokenTable.SEGMENT;
import static com.boxoffice.infrastructure.tokenstore.TokenTable.STORAGE_ID;
import static com.boxoffice.infrastructure.tokenstore.TokenTable.TOKEN;
import static com.boxoffice.infrastructure.tokenstore.TokenTable.TOKEN_REVISION;
import static com.boxoffice.infrastructure.tokenstore.TokenTable.TOKEN_TYPE;

/**
 * Axon's {@link TokenStore} on DynamoDB: one item per (processor, segment) with its token and its claim (owner and
 * time of the last claim). Claims, extensions and releases are conditional writes that compare owners for equality, so
 * segments of one processor spread over several JVMs and a dead JVM's segments are taken over once its claims are
 * older than the claim timeout. Every read that decides ownership is strongly consistent.
 */
public class DynamoDbTokenStore implements TokenStore {

    /** A conditional write may claim when the segment is unclaimed, claimed by us, or its claim has expired. */
    private static final String CLAIMABLE =
            "attribute_exists(#processor) AND (attribute_not_exists(#owner) OR #owner = :me OR #claimedAt < :expiredBefore)";

    private final DynamoDbClient client;
    private final String table;
    private final Serializer serializer;
    private final Duration claimTimeout;
    private final String owner;
    private final Clock clock;

    protected DynamoDbTokenStore(Builder builder) {
        this.client = builder.client;
        this.table = builder.table;
        this.serializer = builder.serializer;
        this.claimTimeout = builder.claimTimeout;
        this.owner = builder.owner;
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The table this store needs, for the application's start-up table creation. */
    public static TableSpec tableSpec(String tableName) {
        return TokenTable.spec(tableName);
    }

    public String owner() {
        return owner;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        initializeTokenSegments(processorName, segmentCount, null);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        if (segmentCount < 1 || segmentCount > 100) {
            throw new UnableToInitializeTokenException("Processor " + processorName + " cannot start with " + segmentCount
                    + " segments: 1 to 100 are initialised in one transaction");
        }
        List<TransactWriteItem> puts = new ArrayList<>();
        for (int segment = 0; segment < segmentCount; segment++) {
            puts.add(TransactWriteItem.builder().put(Put.builder()
                    .tableName(table)
                    .item(tokenItem(processorName, segment, initialToken))
                    .conditionExpression("attribute_not_exists(#processor)")
                    .expressionAttributeNames(Map.of("#processor", PROCESSOR))
                    .build()).build());
        }
        try {
            // All segments or none: two instances starting at once cannot both initialise.
            client.transactWriteItems(r -> r.transactItems(puts));
        } catch (TransactionCanceledException e) {
            throw new UnableToInitializeTokenException("Processor " + processorName + " has token segments already", e);
        } catch (SdkException e) {
            throw new UnableToInitializeTokenException("Could not initialise the tokens of " + processorName + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        Map<String, String> names = new HashMap<>(claimNames());
        Map<String, AttributeValue> values = new HashMap<>(claimValues());
        String set = "SET #owner = :me, #claimedAt = :now";
        if (token != null) {
            SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
            set += ", #token = :token, #tokenType = :tokenType";
            names.put("#token", TOKEN);
            names.put("#tokenType", TOKEN_TYPE);
            values.put(":token", AttributeValue.fromB(SdkBytes.fromByteArray(serialized.getData())));
            values.put(":tokenType", AttributeValue.fromS(serialized.getType().getName()));
            if (serialized.getType().getRevision() != null) {
                set += ", #tokenRevision = :tokenRevision";
                names.put("#tokenRevision", TOKEN_REVISION);
                values.put(":tokenRevision", AttributeValue.fromS(serialized.getType().getRevision()));
            }
        } else {
            set += " REMOVE #token, #tokenType, #tokenRevision";
            names.put("#token", TOKEN);
            names.put("#tokenType", TOKEN_TYPE);
            names.put("#tokenRevision", TOKEN_REVISION);
        }
        String update = set;
        try {
            client.updateItem(r -> r.tableName(table).key(key(processorName, segment))
                    .updateExpression(update)
                    .conditionExpression(CLAIMABLE)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            throw claimRefused("store the token of", processorName, segment, e);
        } catch (SdkException e) {
            throw new UnableToClaimTokenException("Could not store the token of " + processorName + "[" + segment + "]: " + e.getMessage(), e);
        }
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        Map<String, AttributeValue> item;
        try {
            item = client.updateItem(r -> r.tableName(table).key(key(processorName, segment))
                    .updateExpression("SET #owner = :me, #claimedAt = :now")
                    .conditionExpression(CLAIMABLE)
                    .expressionAttributeNames(claimNames())
                    .expressionAttributeValues(claimValues())
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
        } catch (ConditionalCheckFailedException e) {
            throw claimRefused("claim", processorName, segment, e);
        } catch (SdkException e) {
            throw new UnableToClaimTokenException("Could not claim " + processorName + "[" + segment + "]: " + e.getMessage(), e);
        }
        return token(item);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return fetchToken(processorName, segment.getSegmentId());
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        try {
            client.updateItem(r -> r.tableName(table).key(key(processorName, segment))
                    .updateExpression("SET #claimedAt = :now")
                    .conditionExpression("#owner = :me")
                    .expressionAttributeNames(Map.of("#owner", OWNER, "#claimedAt", CLAIMED_AT))
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(owner), ":now", now()))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            throw claimRefused("extend the claim on", processorName, segment, e);
        } catch (SdkException e) {
            throw new UnableToClaimTokenException("Could not extend the claim on " + processorName + "[" + segment + "]: " + e.getMessage(), e);
        }
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        try {
            client.updateItem(r -> r.tableName(table).key(key(processorName, segment))
                    .updateExpression("REMOVE #owner")
                    .conditionExpression("#owner = :me")
                    .expressionAttributeNames(Map.of("#owner", OWNER))
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(owner))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Not ours (any more): someone took it over after our claim expired; nothing to release.
        }
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        try {
            client.putItem(r -> r.tableName(table).item(tokenItem(processorName, segment, token))
                    .conditionExpression("attribute_not_exists(#processor)")
                    .expressionAttributeNames(Map.of("#processor", PROCESSOR)));
        } catch (ConditionalCheckFailedException e) {
            throw new UnableToInitializeTokenException("Segment " + processorName + "[" + segment + "] exists already", e);
        }
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        try {
            client.deleteItem(r -> r.tableName(table).key(key(processorName, segment))
                    .conditionExpression("#owner = :me")
                    .expressionAttributeNames(Map.of("#owner", OWNER))
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(owner)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            throw claimRefused("delete", processorName, segment, e);
        }
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return true;
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return segmentItems(processorName).stream().mapToInt(DynamoDbTokenStore::segmentOf).sorted().toArray();
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        List<Map<String, AttributeValue>> items = segmentItems(processorName);
        int[] all = items.stream().mapToInt(DynamoDbTokenStore::segmentOf).sorted().toArray();
        long expiredBefore = clock.millis() - claimTimeout.toMillis();
        List<Segment> available = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            AttributeValue claimant = item.get(OWNER);
            long claimedAt = item.containsKey(CLAIMED_AT) ? Long.parseLong(item.get(CLAIMED_AT).n()) : 0;
            if (claimant == null || owner.equals(claimant.s()) || claimedAt < expiredBefore) {
                available.add(Segment.computeSegment(segmentOf(item), all));
            }
        }
        return available;
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        Map<String, AttributeValue> key = key(CONFIG_PROCESSOR, 0);
        try {
            Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
            if (item != null && item.containsKey(STORAGE_ID)) {
                return Optional.of(item.get(STORAGE_ID).s());
            }
            Map<String, AttributeValue> created = new HashMap<>(key);
            created.put(STORAGE_ID, AttributeValue.fromS(UUID.randomUUID().toString()));
            try {
                client.putItem(r -> r.tableName(table).item(created)
                        .conditionExpression("attribute_not_exists(#processor)")
                        .expressionAttributeNames(Map.of("#processor", PROCESSOR)));
                return Optional.of(created.get(STORAGE_ID).s());
            } catch (ConditionalCheckFailedException raced) {
                // Another instance created it first: theirs is the one.
                return Optional.of(client.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item().get(STORAGE_ID).s());
            }
        } catch (SdkException e) {
            throw new UnableToRetrieveIdentifierException("Could not read the token store's identifier from " + table, e);
        }
    }

    private List<Map<String, AttributeValue>> segmentItems(String processorName) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            var page = client.query(r -> {
                r.tableName(table).consistentRead(true)
                        .keyConditionExpression("#processor = :processor")
                        .expressionAttributeNames(Map.of("#processor", PROCESSOR, "#segment", SEGMENT, "#owner", OWNER, "#claimedAt", CLAIMED_AT))
                        .expressionAttributeValues(Map.of(":processor", AttributeValue.fromS(processorName)))
                        .projectionExpression("#segment, #owner, #claimedAt");
                if (from != null) {
                    r.exclusiveStartKey(from);
                }
            });
            items.addAll(page.items());
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return items;
    }

    private Map<String, AttributeValue> tokenItem(String processorName, int segment, TrackingToken token) {
        Map<String, AttributeValue> item = new HashMap<>(key(processorName, segment));
        if (token != null) {
            SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
            item.put(TOKEN, AttributeValue.fromB(SdkBytes.fromByteArray(serialized.getData())));
            item.put(TOKEN_TYPE, AttributeValue.fromS(serialized.getType().getName()));
            if (serialized.getType().getRevision() != null) {
                item.put(TOKEN_REVISION, AttributeValue.fromS(serialized.getType().getRevision()));
            }
        }
        return item;
    }

    private TrackingToken token(Map<String, AttributeValue> item) {
        if (item == null || !item.containsKey(TOKEN)) {
            return null;
        }
        String revision = item.containsKey(TOKEN_REVISION) ? item.get(TOKEN_REVISION).s() : null;
        return serializer.deserialize(new SimpleSerializedObject<>(item.get(TOKEN).b().asByteArray(), byte[].class,
                item.get(TOKEN_TYPE).s(), revision));
    }

    private UnableToClaimTokenException claimRefused(String action, String processorName, int segment, ConditionalCheckFailedException e) {
        Map<String, AttributeValue> current = e.hasItem() ? e.item() : null;
        if (current == null || current.isEmpty()) {
            return new UnableToClaimTokenException("Unable to " + action + " " + processorName + "[" + segment
                    + "]: the segment has not been initialised (or was deleted)");
        }
        String claimant = current.containsKey(OWNER) ? current.get(OWNER).s() : "nobody";
        return new UnableToClaimTokenException("Unable to " + action + " " + processorName + "[" + segment + "] as " + owner
                + ": it is claimed by " + claimant);
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

    private AttributeValue now() {
        return AttributeValue.fromN(Long.toString(clock.millis()));
    }

    private static Map<String, AttributeValue> key(String processorName, int segment) {
        return Map.of(PROCESSOR, AttributeValue.fromS(processorName), SEGMENT, AttributeValue.fromN(Integer.toString(segment)));
    }

    private static int segmentOf(Map<String, AttributeValue> item) {
        return Integer.parseInt(item.get(SEGMENT).n());
    }

    /** Builds a {@link DynamoDbTokenStore}; client, table and serializer are required. */
    public static class Builder {

        private DynamoDbClient client;
        private String table;
        private Serializer serializer;
        private Duration claimTimeout = Duration.ofSeconds(10);
        private String owner = ManagementFactory.getRuntimeMXBean().getName();
        private Clock clock = Clock.systemUTC();

        public Builder client(DynamoDbClient client) {
            this.client = client;
            return this;
        }

        public Builder table(String table) {
            this.table = table;
            return this;
        }

        /** Serializes tokens; Axon's Jackson 3 serializer needs {@code TrackingTokenTyping} to read replay tokens. */
        public Builder serializer(Serializer serializer) {
            this.serializer = serializer;
            return this;
        }

        /** How long a claim holds without extension before another node may take the segment. Default 10 s. */
        public Builder claimTimeout(Duration claimTimeout) {
            this.claimTimeout = claimTimeout;
            return this;
        }

        /** This node's name in claims; unique per running instance. Default: the JVM's {@code pid@host}. */
        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public DynamoDbTokenStore build() {
            if (client == null || table == null || serializer == null) {
                throw new AxonConfigurationException("A DynamoDbTokenStore needs a client, a table and a serializer");
            }
            if (owner == null || owner.isBlank() || claimTimeout.isNegative() || claimTimeout.isZero()) {
                throw new AxonConfigurationException("A DynamoDbTokenStore needs an owner name and a positive claim timeout");
            }
            return new DynamoDbTokenStore(this);
        }
    }
}
