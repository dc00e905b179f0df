package com.boxoffice.axon.dynamodb.tokenstore;

import com.boxoffice.axon.dynamodb.schema.TableCreator;
import com.boxoffice.axon.dynamodb.serialization.TrackingTokenTyping;
import com.boxoffice.testing.LocalDynamoDb;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
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
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token store's contract on DynamoDB Local, with a clock the test moves by hand. */
class DynamoDbTokenStoreTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
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
        return new DynamoDbTokenStore(DynamoDbTokenStore.builder().client(client).table(table).serializer(serializer)
                .claimTimeout(TIMEOUT).owner(owner), clock);
    }

    private static TrackingToken at(long index) {
        return new GlobalSequenceTrackingToken(index);
    }

    @Test
    void aClaimIsExclusiveUntilReleasedOrExpiredAndOwnersCompareForEquality() {
        DynamoDbTokenStore one = store("node-1");
        DynamoDbTokenStore ten = store("node-10");
        one.initializeTokenSegments("p", 2, at(3));

        assertThat(one.fetchToken("p", 0)).isEqualTo(at(3));
        assertThat(one.fetchToken("p", 0)).as("re-claiming our own claim").isEqualTo(at(3));
        // "node-10" starts with "node-1": ownership is equality, never a prefix or substring.
        assertThatThrownBy(() -> ten.fetchToken("p", 0)).isInstanceOf(UnableToClaimTokenException.class)
                .hasMessageContaining("p[0]").hasMessageContaining("as node-10").hasMessageContaining("claimed by node-1");
        assertThatThrownBy(() -> ten.storeToken(at(5), "p", 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> ten.extendClaim("p", 0)).isInstanceOf(UnableToClaimTokenException.class);
        ten.releaseClaim("p", 0);
        assertThatThrownBy(() -> ten.fetchToken("p", 0)).as("a stranger's release changes nothing")
                .isInstanceOf(UnableToClaimTokenException.class);

        clock.advance(Duration.ofSeconds(9));
        one.extendClaim("p", 0);
        clock.advance(Duration.ofSeconds(9));
        assertThatThrownBy(() -> ten.fetchToken("p", 0)).as("extended 9 s ago").isInstanceOf(UnableToClaimTokenException.class);
        one.storeToken(at(4), "p", 0);

        clock.advance(Duration.ofSeconds(10).plusMillis(1));
        assertThat(ten.fetchToken("p", 0)).as("expired: taken over with the last stored token").isEqualTo(at(4));
        assertThatThrownBy(() -> one.extendClaim("p", 0)).as("the old owner lost it").isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> one.storeToken(at(9), "p", 0)).isInstanceOf(UnableToClaimTokenException.class);
        one.releaseClaim("p", 0);
        assertThat(ten.fetchToken("p", 0)).isEqualTo(at(4));

        ten.releaseClaim("p", 0);
        assertThat(one.fetchToken("p", 0)).as("released: free at once").isEqualTo(at(4));
    }

    @Test
    void anExpiredClaimCanAlsoBeTakenByStoringAToken() {
        DynamoDbTokenStore one = store("node-1");
        DynamoDbTokenStore two = store("node-2");
        one.initializeTokenSegments("p", 1);
        one.fetchToken("p", 0);
        clock.advance(TIMEOUT.plusSeconds(1));
        two.storeToken(at(7), "p", 0);
        assertThatThrownBy(() -> one.extendClaim("p", 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThat(two.fetchToken("p", 0)).isEqualTo(at(7));
    }

    @Test
    void tokensComeBackIncludingNullAndReplayTokens() {
        DynamoDbTokenStore store = store("node-1");
        store.initializeTokenSegments("p", 1);
        assertThat(store.fetchToken("p", 0)).isNull();

        TrackingToken replay = ReplayToken.createReplayToken(at(5), at(0));
        store.storeToken(replay, "p", 0);
        assertThat(store("node-1").fetchToken("p", 0)).isEqualTo(replay);

        store.storeToken(null, "p", 0);
        assertThat(store.fetchToken("p", 0)).as("a null token leaves nothing of the older one").isNull();
    }

    @Test
    void initialisationIsAtomicAcrossRacingInstances() throws Exception {
        for (int round = 0; round < 5; round++) {
            String processor = "raced-" + round;
            int racers = round % 2 == 0 ? 2 : 4;
            CyclicBarrier start = new CyclicBarrier(racers);
            AtomicInteger won = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            CompletableFuture<?>[] running = IntStream.range(0, racers).mapToObj(i -> CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                    store("node-" + i).initializeTokenSegments(processor, 8, at(i));
                    won.incrementAndGet();
                } catch (UnableToInitializeTokenException e) {
                    refused.incrementAndGet();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })).toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(running).get();

            assertThat(won.get()).as("winners of round %s", round).isEqualTo(1);
            assertThat(refused.get()).isEqualTo(racers - 1);
            DynamoDbTokenStore reader = store("reader");
            assertThat(reader.fetchSegments(processor)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
            // All eight segments carry the same winner's initial token: no mix of two initialisations.
            List<TrackingToken> tokens = IntStream.range(0, 8).mapToObj(s -> reader.fetchToken(processor, s)).toList();
            assertThat(tokens).containsOnly(tokens.get(0));
        }
    }

    @Test
    void initialisingAnInitialisedProcessorOrTooManySegmentsIsRefused() {
        DynamoDbTokenStore store = store("node-1");
        store.initializeTokenSegments("p", 2);
        assertThatThrownBy(() -> store.initializeTokenSegments("p", 4)).isInstanceOf(UnableToInitializeTokenException.class)
                .hasMessageContaining("p has token segments already");
        assertThat(store.fetchSegments("p")).as("nothing of the refused one was written").containsExactly(0, 1);

        assertThatThrownBy(() -> store.initializeTokenSegments("big", 101)).isInstanceOf(UnableToInitializeTokenException.class)
                .hasMessageContaining("101 segments").hasMessageContaining("between 1 and 100");
        assertThat(store.fetchSegments("big")).isEmpty();
        store.initializeTokenSegments("hundred", 100);
        assertThat(store.fetchSegments("hundred")).hasSize(100);
    }

    @Test
    void availableSegmentsAreUnclaimedExpiredOrOurs() {
        DynamoDbTokenStore one = store("node-1");
        DynamoDbTokenStore two = store("node-2");
        one.initializeTokenSegments("p", 4);
        one.fetchToken("p", 0);
        two.fetchToken("p", 1);
        two.fetchToken("p", 2);
        two.releaseClaim("p", 2);

        assertThat(one.fetchAvailableSegments("p")).extracting(Segment::getSegmentId).containsExactlyInAnyOrder(0, 2, 3);
        assertThat(two.fetchAvailableSegments("p")).extracting(Segment::getSegmentId).containsExactlyInAnyOrder(1, 2, 3);
        clock.advance(TIMEOUT.plusSeconds(1));
        assertThat(one.fetchAvailableSegments("p")).extracting(Segment::getSegmentId).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(one.fetchAvailableSegments("p")).extracting(Segment::getMask).containsOnly(3);
        assertThat(one.fetchAvailableSegments("unknown")).isEmpty();
    }

    @Test
    void segmentsAreAddedByInitialisationAndDeletedOnlyByTheirOwner() {
        DynamoDbTokenStore one = store("node-1");
        DynamoDbTokenStore two = store("node-2");
        one.initializeTokenSegments("p", 1);
        one.initializeSegment(at(1), "p", 1);
        assertThatThrownBy(() -> one.initializeSegment(null, "p", 1)).isInstanceOf(UnableToInitializeTokenException.class)
                .hasMessageContaining("p[1] exists already");
        assertThat(one.fetchSegments("p")).containsExactly(0, 1);

        assertThatThrownBy(() -> one.deleteToken("p", 1)).as("unclaimed").isInstanceOf(UnableToClaimTokenException.class);
        two.fetchToken("p", 1);
        assertThatThrownBy(() -> one.deleteToken("p", 1)).as("claimed by another").isInstanceOf(UnableToClaimTokenException.class)
                .hasMessageContaining("claimed by node-2");
        two.deleteToken("p", 1);
        assertThat(one.fetchSegments("p")).containsExactly(0);
        assertThatThrownBy(() -> one.fetchToken("p", 1)).isInstanceOf(UnableToClaimTokenException.class)
                .hasMessageContaining("not been initialised");
        assertThatThrownBy(() -> one.storeToken(at(1), "p", 5)).as("a store never creates a segment")
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThat(one.fetchSegments("p")).containsExactly(0);
        assertThat(one.requiresExplicitSegmentInitialization()).isTrue();
    }

    @Test
    void aSegmentSplitOrMergedSinceItWasListedIsNotClaimed() {
        DynamoDbTokenStore one = store("node-1");
        DynamoDbTokenStore two = store("node-2");
        one.initializeTokenSegments("p", 2);
        Segment listedBeforeSplit = two.fetchAvailableSegments("p").get(0);
        assertThat(listedBeforeSplit.getMask()).isEqualTo(1);

        one.fetchToken("p", 0);
        one.initializeSegment(at(0), "p", 2);   // node-1 splits segment 0 into 0 and 2
        one.releaseClaim("p", 0);
        assertThatThrownBy(() -> two.fetchToken("p", listedBeforeSplit)).isInstanceOf(UnableToClaimTokenException.class)
                .hasMessageContaining("p[0]").hasMessageContaining("split");
        assertThat(one.fetchAvailableSegments("p")).as("the refused claim was given back").hasSize(3);

        Segment listedBeforeMerge = two.fetchAvailableSegments("p").stream().filter(s -> s.getSegmentId() == 0).findFirst().orElseThrow();
        assertThat(listedBeforeMerge.getMask()).isEqualTo(3);
        one.fetchToken("p", 2);
        one.deleteToken("p", 2);   // node-1 merges 2 back into 0
        assertThatThrownBy(() -> two.fetchToken("p", listedBeforeMerge)).hasMessageContaining("merged");

        Segment current = two.fetchAvailableSegments("p").get(0);
        assertThat(two.fetchToken("p", current)).isNull();
        assertThatThrownBy(() -> one.fetchToken("p", 0)).isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void everyInstanceSeesTheSameStorageIdentifier() throws Exception {
        CyclicBarrier start = new CyclicBarrier(4);
        List<CompletableFuture<String>> racing = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return store("node-" + i).retrieveStorageIdentifier().orElseThrow();
        })).toList();
        String first = racing.get(0).get();
        for (CompletableFuture<String> other : racing) {
            assertThat(other.get()).isEqualTo(first);
        }
        assertThat(store("later").retrieveStorageIdentifier()).contains(first);
        assertThatThrownBy(() -> store("x").initializeTokenSegments(TokenTable.CONFIG_PROCESSOR, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultOwnersDifferPerInstanceAndNameTheJvm() {
        DynamoDbTokenStore a = DynamoDbTokenStore.builder().client(client).table(table).serializer(serializer).build();
        DynamoDbTokenStore b = DynamoDbTokenStore.builder().client(client).table(table).serializer(serializer).build();
        assertThat(a.owner()).isNotEqualTo(b.owner()).contains("@");
        assertThat(a.claimTimeout()).isEqualTo(Duration.ofSeconds(15));
        a.initializeTokenSegments("p", 1);
        a.fetchToken("p", 0);
        assertThatThrownBy(() -> b.fetchToken("p", 0)).isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void anUnreachableDynamoDbIsATransientFailureAfterTheSdksRetries() throws Exception {
        // Bound but not listening: connections are refused, and no server can take the port while the test runs.
        Socket closedPort = new Socket();
        closedPort.bind(new InetSocketAddress("127.0.0.1", 0));
        try (closedPort; DynamoDbClient unreachable = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + closedPort.getLocalPort()))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("x", "y"))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build())
                .build()) {
            DynamoDbTokenStore store = DynamoDbTokenStore.builder().client(unreachable).table(table).serializer(serializer).build();
            assertThatThrownBy(() -> store.fetchToken("p", 0)).isInstanceOf(TokenStoreUnavailableException.class)
                    .hasMessageContaining("Could not claim p[0]");
            assertThatThrownBy(() -> store.fetchSegments("p")).isInstanceOf(TokenStoreUnavailableException.class);
        }
        DynamoDbTokenStore noTable = DynamoDbTokenStore.builder().client(client).table("no-such-table").serializer(serializer).build();
        assertThatThrownBy(() -> noTable.extendClaim("p", 0)).isInstanceOf(DynamoDbTokenStoreException.class)
                .hasMessageContaining("p[0]");
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-22T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
