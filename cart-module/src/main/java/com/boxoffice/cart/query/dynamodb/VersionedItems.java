package com.boxoffice.cart.query.dynamodb;

import com.boxoffice.axon.dynamodb.support.TableClearer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static com.boxoffice.cart.query.dynamodb.Attributes.PK;
import static com.boxoffice.cart.query.dynamodb.Attributes.SEQ;
import static com.boxoffice.cart.query.dynamodb.Attributes.n;
import static com.boxoffice.cart.query.dynamodb.Attributes.s;

/**
 * One view per item, keyed by {@code pk}, with {@code seq}: the aggregate sequence number of the last event applied.
 * <p>
 * A view changes by read, change, conditional put: the put succeeds only if {@code seq} is still what was read, so two
 * writers (a segment handed over while its old owner still writes) cannot lose each other's change, and an event whose
 * number is not above {@code seq} is skipped, so a replayed or redelivered event changes nothing. The whole item is
 * put, so attributes the new view no longer has (the sparse index keys of a cart that left OPEN) disappear with it.
 */
final class VersionedItems {

    private static final Logger log = LoggerFactory.getLogger(VersionedItems.class);
    private static final int MAX_ATTEMPTS = 5;

    private final DynamoDbClient client;
    private final String tableName;
    private final TableClearer clearer;

    VersionedItems(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
        this.clearer = new TableClearer(client, tableName, PK);
    }

    String tableName() {
        return tableName;
    }

    /** Puts the first version of an item; a second delivery of its first event finds it there and does nothing. */
    void create(String key, long sequence, Map<String, AttributeValue> attributes) {
        try {
            client.putItem(r -> r.tableName(tableName)
                    .item(versioned(key, sequence, attributes))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)));
        } catch (ConditionalCheckFailedException replayed) {
            log.debug("{} {} exists already (event {} seen before)", tableName, key, sequence);
        }
    }

    /**
     * Applies {@code change} to the item's attributes unless the item has seen {@code sequence}.
     *
     * @throws IllegalStateException when there is no such item, or writers kept racing for it
     */
    void update(String key, long sequence, UnaryOperator<Map<String, AttributeValue>> change) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> current = find(key).orElseThrow(() -> new IllegalStateException(
                    "No item " + key + " in " + tableName + " to apply event " + sequence + " to; its first event was not projected"));
            long applied = Long.parseLong(current.get(SEQ).n());
            if (applied >= sequence) {
                log.debug("Event {} of {} was applied to {} before (at {})", sequence, key, tableName, applied);
                return;
            }
            Map<String, AttributeValue> next = versioned(key, sequence, change.apply(current));
            try {
                client.putItem(r -> r.tableName(tableName)
                        .item(next)
                        .conditionExpression("#seq = :read")
                        .expressionAttributeNames(Map.of("#seq", SEQ))
                        .expressionAttributeValues(Map.of(":read", n(applied))));
                return;
            } catch (ConditionalCheckFailedException raced) {
                log.debug("{} {} changed while applying event {}; reading it again", tableName, key, sequence);
            }
        }
        throw new IllegalStateException("Could not apply event " + sequence + " to " + key + " in " + tableName
                + ": it changed under each of " + MAX_ATTEMPTS + " attempts");
    }

    Optional<Map<String, AttributeValue>> find(String key) {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(tableName)
                .key(Map.of(PK, s(key))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** Deletes every item (a scan: for replays only, never on a request's path). */
    void clear() {
        long deleted = clearer.clear();
        log.info("Table {} cleared ({} items) for a replay", tableName, deleted);
    }

    private static Map<String, AttributeValue> versioned(String key, long sequence, Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> item = new HashMap<>(attributes);
        item.put(PK, s(key));
        item.put(SEQ, n(sequence));
        return item;
    }
}
