package com.boxoffice.kernel.idempotency;

import com.boxoffice.axon.dynamodb.schema.TableCreator;
import com.boxoffice.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The key store on DynamoDB Local, with a clock the test moves: claims, leases, answers, retention. */
class DynamoDbIdempotencyKeysTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration RETENTION = Duration.ofHours(24);
    private static DynamoDbClient client;
    private static String table;

    private final MovableClock clock = new MovableClock(Instant.parse("2030-01-01T10:00:00Z"));
    private final DynamoDbIdempotencyKeys keys = new DynamoDbIdempotencyKeys(client, table,
            new IdempotencyProperties(RETENTION, LEASE, Duration.ofSeconds(5)), clock);

    @BeforeAll
    static void createTable() {
        client = LocalDynamoDb.newClient();
        table = LocalDynamoDb.uniquePrefix() + "idempotency-keys";
        new TableCreator(client).createMissing(List.of(IdempotencyKeyTable.spec(table)));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aKeyIsTakenOnceAndItsAnswerIsReadBack() {
        String key = UUID.randomUUID().toString();
        assertThat(keys.claim(key, "fingerprint-1", "claim-1")).isTrue();
        assertThat(keys.claim(key, "fingerprint-1", "claim-2")).as("held").isFalse();
        assertThat(keys.read(key)).hasValueSatisfying(held -> {
            assertThat(held.fingerprint()).isEqualTo("fingerprint-1");
            assertThat(held.answered()).isFalse();
        });

        keys.answer(key, "claim-1", new StoredAnswer(202, Map.of("Location", "/api/orders/1"), bytes("{\"orderId\":\"1\"}")));

        KeyRecord answered = keys.read(key).orElseThrow();
        assertThat(answered.answer().status()).isEqualTo(202);
        assertThat(answered.answer().headers()).containsEntry("Location", "/api/orders/1");
        assertThat(new String(answered.answer().body(), StandardCharsets.UTF_8)).isEqualTo("{\"orderId\":\"1\"}");
        clock.move(LEASE.plusSeconds(1));
        assertThat(keys.claim(key, "fingerprint-1", "claim-3")).as("an answered key stays taken after the lease").isFalse();
    }

    @Test
    void aCrashedHoldersKeyIsFreeOnceItsLeaseRanOutAndItsLateAnswerDoesNotCount() {
        String key = UUID.randomUUID().toString();
        assertThat(keys.claim(key, "f", "crashed")).isTrue();
        clock.move(LEASE.minusSeconds(1));
        assertThat(keys.claim(key, "f", "early")).isFalse();
        clock.move(Duration.ofSeconds(2));
        assertThat(keys.read(key)).as("a lapsed claim is no record").isEmpty();
        assertThat(keys.claim(key, "f", "retry")).isTrue();

        keys.answer(key, "crashed", new StoredAnswer(201, Map.of(), bytes("late")));
        assertThat(keys.read(key).orElseThrow().answered()).isFalse();
        keys.answer(key, "retry", new StoredAnswer(201, Map.of(), bytes("retry")));
        assertThat(new String(keys.read(key).orElseThrow().answer().body(), StandardCharsets.UTF_8)).isEqualTo("retry");
    }

    @Test
    void aReleasedKeyIsFreeAndAnAnswerIsKeptForTheRetentionOnly() {
        String released = UUID.randomUUID().toString();
        assertThat(keys.claim(released, "f", "failed")).isTrue();
        keys.release(released, "failed");
        assertThat(keys.claim(released, "f", "again")).isTrue();

        String kept = UUID.randomUUID().toString();
        assertThat(keys.claim(kept, "f", "first")).isTrue();
        keys.answer(kept, "first", new StoredAnswer(201, Map.of(), bytes("{}")));
        keys.release(kept, "first");
        assertThat(keys.read(kept)).as("an answered key is not released").isPresent();
        clock.move(RETENTION.plusSeconds(1));
        assertThat(keys.read(kept)).as("expired, even before DynamoDB's time to live deletes it").isEmpty();
        assertThat(keys.claim(kept, "g", "next day")).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
