package com.boxoffice.infrastructure.tokenstore;

import com.boxoffice.infrastructure.dynamodb.TableCreator;
import com.boxoffice.infrastructure.eventstore.PartitionedLogToken;
import com.boxoffice.infrastructure.serialization.TrackingTokenTyping;
import com.boxoffice.infrastructure.testing.LocalDynamoDb;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token store's contract on DynamoDB Local, with clocks the test moves. */
class DynamoDbTokenStoreTest {

    private static DynamoDbClient client;
    private final Serializer serializer = Jackson3Serializer.builder().jsonMapperBuilderCustomizer(TrackingTokenTyping.customizer()).build();
    private final MutableClock clock = new MutableClock();
    private String table;

    @BeforeAll
    static void connect() {
        client = LocalDynamoDb.newClient();
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshTable() {
        table = LocalDynamoDb.uniquePrefix() + "tokens";
        new TableCreator(client).createMissing(List.of(DynamoDbTokenStore.tableSpec(table)));
    }

    private DynamoDbTokenStore store(String owner) {
        return DynamoDbTokenStore.builder().client(client).table(table).serializer(serializer)
                .claimTimeout(Duration.ofSeconds(10)).owner(owner).clock(clock).build();
    }

    @Test
    void claimsAreExclusiveUntilReleasedOrExpired() {
        DynamoDbTokenStore one = store("node-1");
        DynamoDbTokenStore ten = store("node-10");
        one.initializeTokenSegments("p", 2);

        assertThat(one.fetchToken("p", 0)).isNull();
        // "node-10" starts with "node-1": ownership is equality, never a prefix or substring.
        assertThatThrownBy(() -> ten.fetchToken("p", 0)).isInstanceOf(UnableToClaimTokenException.class)
                .hasMessageContaining("claimed by node-1");
        assertThatThrownBy(() -> ten.storeToken(new PartitionedLogToken(new long[]{1}), "p", 0))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> ten.extendClaim("p", 0)).isInstanceOf(UnableToClaimTokenException.class);

        clock.advance(Duration.ofSeconds(9));
        one.extendClaim("p", 0);
        clock.advance(Duration.ofSeconds(9));
        assertThatThrownBy(() -> ten.fetchToken("p", 0)).as("extended 9 s ago").isInstanceOf(UnableToClaimTokenException.class);

        clock.advance(Duration.ofSeconds(2));
        assertThat(ten.fetchToken("p", 0)).as("expired: taken over").isNull();
        assertThatThrownBy(() -> one.extendClaim("p", 0)).as("the old owner lost it").isInstanceOf(UnableToClaimTokenException.class);

        ten.releaseClaim("p", 0);
        assertThat(one.fetchToken("p", 0)).isNull();
    }

    @Test
    void storedTokensComeBackIncludingReplayTokens() {
        DynamoDbTokenStore store = store("node-1");
        store.initializeTokenSegments("p", 1, new PartitionedLogToken(new long[]{2, 3}));
        assertThat(store.fetchToken("p", 0)).isEqualTo(new PartitionedLogToken(new long[]{2, 3}));

        TrackingToken replay = ReplayToken.createReplayToken(new PartitionedLogToken(new long[]{5, 5}),
                new PartitionedLogToken(new long[]{0, 0}));
        store.storeToken(replay, "p", 0);
        assertThat(store("node-1").fetchToken("p", 0)).isEqualTo(replay);
    }

    @Test
    void initialisationIsAtomicAcrossRacingInstances() throws Exception {
        CyclicBarrier start = new CyclicBarrier(4);
        AtomicInteger won = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<Void>> racers = List.of(1, 2, 3, 4).stream().map(i -> CompletableFuture.runAsync(() -> {
            try {
                start.await();
                store("node-" + i).initializeTokenSegments("raced", 8);
                won.incrementAndGet();
            } catch (UnableToInitializeTokenException e) {
                refused.incrementAndGet();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).get();
        assertThat(won.get()).isEqualTo(1);
        assertThat(refused.get()).isEqualTo(3);
        assertThat(store("x").fetchSegments("raced")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void availableSegmentsAreUnclaimedExpiredOrOurs() {
        DynamoDbTokenStore one = store("node-1");
        DynamoDbTokenStore two = store("node-2");
        one.initializeTokenSegments("p", 4);
        one.fetchToken("p", 0);
        two.fetchToken("p", 1);

        assertThat(one.fetchAvailableSegments("p")).extracting(Segment::getSegmentId).containsExactlyInAnyOrder(0, 2, 3);
        clock.advance(Duration.ofSeconds(11));
        assertThat(one.fetchAvailableSegments("p")).extracting(Segment::getSegmentId).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(one.fetchAvailableSegments("p").get(0).getMask()).isEqualTo(3);
    }

    @Test
    void segmentsAreAddedAndDeletedOnlyByTheirOwner() {
        DynamoDbTokenStore one = store("node-1");
        one.initializeTokenSegments("p", 1);
        one.initializeSegment(new PartitionedLogToken(new long[]{1}), "p", 1);
        assertThatThrownBy(() -> one.initializeSegment(null, "p", 1)).isInstanceOf(UnableToInitializeTokenException.class);
        assertThat(one.fetchSegments("p")).containsExactly(0, 1);

        assertThatThrownBy(() -> one.deleteToken("p", 1)).as("not claimed by us").isInstanceOf(UnableToClaimTokenException.class);
        one.fetchToken("p", 1);
        one.deleteToken("p", 1);
        assertThat(one.fetchSegments("p")).containsExactly(0);
        assertThatThrownBy(() -> one.fetchToken("p", 5)).hasMessageContaining("not been initialised");
    }

    @Test
    void everyInstanceSeesTheSameStorageIdentifier() {
        String first = store("a").retrieveStorageIdentifier().orElseThrow();
        assertThat(store("b").retrieveStorageIdentifier()).contains(first);
        assertThat(store("a").fetchSegments(TokenTable.CONFIG_PROCESSOR)).containsExactly(0);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
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
