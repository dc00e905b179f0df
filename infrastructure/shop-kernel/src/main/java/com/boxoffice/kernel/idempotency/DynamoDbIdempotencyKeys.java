package com.boxoffice.kernel.idempotency;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static com.boxoffice.kernel.idempotency.IdempotencyKeyTable.BODY;
import static com.boxoffice.kernel.idempotency.IdempotencyKeyTable.CLAIM;
import static com.boxoffice.kernel.idempotency.IdempotencyKeyTable.EXPIRES_AT;
import static com.boxoffice.kernel.idempotency.IdempotencyKeyTable.FINGERPRINT;
import static com.boxoffice.kernel.idempotency.IdempotencyKeyTable.HEADERS;
import static com.boxoffice.kernel.idempotency.IdempotencyKeyTable.LEASE_UNTIL;
import static com.boxoffice.kernel.idempotency.IdempotencyKeyTable.PK;
import static com.boxoffice.kernel.idempotency.IdempotencyKeyTable.STATUS;

/**
 * The keys in DynamoDB. A request takes its key with a conditional put that succeeds only when the key is free: never
 * used, expired, or held by a request whose lease ran out (its instance crashed). The holder stores its answer under
 * its own claim; every other request with the key reads the item, strongly consistent, until the answer is there.
 */
final class DynamoDbIdempotencyKeys {

    private static final String FREE = "attribute_not_exists(" + PK + ") OR " + EXPIRES_AT + " < :nowSeconds"
            + " OR (attribute_not_exists(#status) AND " + LEASE_UNTIL + " < :nowMillis)";

    private final DynamoDbClient client;
    private final String tableName;
    private final Duration retention;
    private final Duration lease;
    private final Clock clock;

    DynamoDbIdempotencyKeys(DynamoDbClient client, String tableName, IdempotencyProperties properties, Clock clock) {
        this.client = client;
        this.tableName = tableName;
        this.retention = properties.retention();
        this.lease = properties.lease();
        this.clock = clock;
    }

    /** Takes the key for the request with this fingerprint; false when another request holds or held it. */
    boolean claim(String key, String fingerprint, String claim) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(key));
        item.put(FINGERPRINT, s(fingerprint));
        item.put(CLAIM, s(claim));
        item.put(LEASE_UNTIL, n(now.plus(lease).toEpochMilli()));
        item.put(EXPIRES_AT, n(now.plus(retention).getEpochSecond()));
        try {
            client.putItem(put -> put.tableName(tableName).item(item).conditionExpression(FREE)
                    .expressionAttributeNames(Map.of("#status", STATUS))
                    .expressionAttributeValues(Map.of(":nowSeconds", n(now.getEpochSecond()), ":nowMillis", n(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /** The key's record now; empty when it is free again (released, or expired). */
    Optional<KeyRecord> read(String key) {
        Map<String, AttributeValue> item = client.getItem(get -> get.tableName(tableName).key(Map.of(PK, s(key)))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()
                || Long.parseLong(item.get(EXPIRES_AT).n()) < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        StoredAnswer answer = null;
        if (item.containsKey(STATUS)) {
            Map<String, String> headers = new HashMap<>();
            item.get(HEADERS).m().forEach((name, value) -> headers.put(name, value.s()));
            answer = new StoredAnswer(Integer.parseInt(item.get(STATUS).n()), headers, item.get(BODY).b().asByteArray());
        } else if (Long.parseLong(item.get(LEASE_UNTIL).n()) < clock.millis()) {
            return Optional.empty();
        }
        return Optional.of(new KeyRecord(item.get(FINGERPRINT).s(), answer));
    }

    /** Stores the answer of the request holding the key under {@code claim}; nothing if it lost the key meanwhile. */
    void answer(String key, String claim, StoredAnswer answer) {
        Map<String, AttributeValue> headers = new HashMap<>();
        answer.headers().forEach((name, value) -> headers.put(name, s(value)));
        try {
            client.updateItem(update -> update.tableName(tableName).key(Map.of(PK, s(key)))
                    .conditionExpression(CLAIM + " = :claim")
                    .updateExpression("SET #status = :status, " + HEADERS + " = :headers, " + BODY + " = :body, "
                            + EXPIRES_AT + " = :expiresAt")
                    .expressionAttributeNames(Map.of("#status", STATUS))
                    .expressionAttributeValues(Map.of(":claim", s(claim), ":status", n(answer.status()),
                            ":headers", AttributeValue.fromM(headers),
                            ":body", AttributeValue.fromB(SdkBytes.fromByteArray(answer.body())),
                            ":expiresAt", n(clock.instant().plus(retention).getEpochSecond()))));
        } catch (ConditionalCheckFailedException lost) {
            // Its lease ran out and another request took the key: that one's answer counts.
        }
    }

    /** Frees the key held under {@code claim} (its request failed without a definite answer), so a retry runs again. */
    void release(String key, String claim) {
        try {
            client.deleteItem(delete -> delete.tableName(tableName).key(Map.of(PK, s(key)))
                    .conditionExpression(CLAIM + " = :claim AND attribute_not_exists(#status)")
                    .expressionAttributeNames(Map.of("#status", STATUS))
                    .expressionAttributeValues(Map.of(":claim", s(claim))));
        } catch (ConditionalCheckFailedException lost) {
            // Another request holds it now.
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
