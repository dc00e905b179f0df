package com.boxoffice.cart.query.dynamodb;

import com.boxoffice.cart.api.CartCheckedOut;
import com.boxoffice.cart.api.CartClosed;
import com.boxoffice.cart.api.CartItemAdded;
import com.boxoffice.cart.api.CartItemRemoved;
import com.boxoffice.cart.api.CartLine;
import com.boxoffice.cart.api.CartOpened;
import com.boxoffice.cart.api.CartStatus;
import com.boxoffice.cart.api.CartView;
import com.boxoffice.cart.query.CartProjection;
import com.boxoffice.cart.query.CartViews;
import com.boxoffice.axon.dynamodb.schema.TableCreator;
import com.boxoffice.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The cart views in DynamoDB Local: round trip, idempotent replays, racing writers, and the open-carts index. */
class DynamoDbCartViewStoreTest {

    private static final Instant T0 = Instant.parse("2026-10-01T08:00:00.123Z");
    private static final UUID CONCERT = UUID.randomUUID();
    private static final BigDecimal PRICE = new BigDecimal("45.00");

    private static DynamoDbClient client;
    private String tableName;
    private DynamoDbCartViewStore store;
    private CartProjection projection;

    @BeforeAll
    static void connect() {
        client = LocalDynamoDb.newClient();
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void createTable() {
        tableName = LocalDynamoDb.uniquePrefix() + CartTable.NAME;
        new TableCreator(client).createMissing(List.of(CartTable.spec(tableName)));
        store = new DynamoDbCartViewStore(client, tableName);
        projection = new CartProjection(store);
    }

    @Test
    void aCartSurvivesTheRoundTripWithMoneyAndTimesIntact() {
        UUID cart = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        store.create(CartViews.opened(new CartOpened(cart, "customer-1"), T0), 0);
        store.update(cart, 1, view -> CartViews.itemAdded(view, new CartItemAdded(cart, CONCERT, 2, 2, PRICE)));
        store.update(cart, 2, view -> CartViews.itemAdded(view, new CartItemAdded(cart, other, 1, 1, new BigDecimal("10.50"))));

        assertThat(store.find(cart)).contains(new CartView(cart, "customer-1", CartStatus.OPEN,
                List.of(new CartLine(CONCERT, 2, PRICE), new CartLine(other, 1, new BigDecimal("10.50"))),
                new BigDecimal("100.50"), T0, null));
        assertThat(store.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void replayingEveryEventAgainChangesNothing() {
        UUID cart = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Runnable events = () -> {
            projection.on(new CartOpened(cart, "c"), 0, T0);
            projection.on(new CartItemAdded(cart, CONCERT, 2, 2, PRICE), 1);
            projection.on(new CartItemAdded(cart, CONCERT, 3, 5, PRICE), 2);
            projection.on(new CartItemRemoved(cart, CONCERT), 3);
            projection.on(new CartItemAdded(cart, CONCERT, 1, 1, PRICE), 4);
            projection.on(new CartCheckedOut(cart, order, "c", List.of(new CartLine(CONCERT, 1, PRICE)), PRICE), 5);
        };
        events.run();
        CartView once = store.find(cart).orElseThrow();
        Map<String, AttributeValue> item = rawItem(cart);

        events.run();

        assertThat(store.find(cart)).contains(once);
        assertThat(rawItem(cart)).isEqualTo(item);
        assertThat(once.items()).containsExactly(new CartLine(CONCERT, 1, PRICE));
        assertThat(once.status()).isEqualTo(CartStatus.CHECKED_OUT);
        assertThat(item.get("seq").n()).isEqualTo("5");
    }

    @Test
    void anOlderEventArrivingLateIsSkipped() {
        UUID cart = UUID.randomUUID();
        projection.on(new CartOpened(cart, "c"), 0, T0);
        projection.on(new CartItemAdded(cart, CONCERT, 2, 2, PRICE), 1);
        projection.on(new CartClosed(cart), 2);

        projection.on(new CartItemAdded(cart, CONCERT, 2, 2, PRICE), 1);

        assertThat(store.find(cart).orElseThrow().status()).isEqualTo(CartStatus.CLOSED);
    }

    @Test
    void aWriterThatLostTheRaceAppliesItsChangeOnTopOfTheWinners() {
        UUID cart = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        store.create(CartViews.opened(new CartOpened(cart, "c"), T0), 0);
        DynamoDbCartViewStore rival = new DynamoDbCartViewStore(client, tableName);
        List<Integer> attempts = new ArrayList<>();

        store.update(cart, 2, view -> {
            attempts.add(attempts.size() + 1);
            if (attempts.size() == 1) {
                // Another owner of the segment writes event 1 between this writer's read and its put.
                rival.update(cart, 1, rivalView -> CartViews.itemAdded(rivalView, new CartItemAdded(cart, CONCERT, 2, 2, PRICE)));
            }
            return CartViews.itemAdded(view, new CartItemAdded(cart, other, 1, 1, PRICE));
        });

        assertThat(attempts).containsExactly(1, 2);
        assertThat(store.find(cart).orElseThrow().items()).extracting(CartLine::concertId).containsExactly(CONCERT, other);
    }

    @Test
    void anEventOfACartWithoutViewIsAnError() {
        UUID cart = UUID.randomUUID();

        assertThatThrownBy(() -> projection.on(new CartClosed(cart), 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No item " + cart + " in " + tableName);
    }

    @Test
    void onlyCartsStillOpenAreListedOldestFirst() {
        UUID old = open(T0);
        UUID older = open(T0.minus(Duration.ofDays(3)));
        UUID checkedOut = open(T0.minus(Duration.ofDays(5)));
        UUID closed = open(T0.minus(Duration.ofDays(6)));
        UUID recent = open(T0.plus(Duration.ofDays(10)));
        projection.on(new CartItemAdded(checkedOut, CONCERT, 1, 1, PRICE), 1);
        projection.on(new CartCheckedOut(checkedOut, UUID.randomUUID(), "c", List.of(new CartLine(CONCERT, 1, PRICE)), PRICE), 2);
        projection.on(new CartClosed(closed), 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(store.openSince(T0, 100)).extracting(CartView::cartId).containsExactly(older, old));
        assertThat(store.openSince(T0.plus(Duration.ofDays(10)), 100)).extracting(CartView::cartId)
                .containsExactly(older, old, recent);
        // Leaving OPEN removes the index keys, so the index holds open carts only.
        assertThat(rawItem(checkedOut)).doesNotContainKeys(CartTable.OPEN_SHARD, CartTable.OPENED_AT_MS);
        assertThat(rawItem(closed)).doesNotContainKeys(CartTable.OPEN_SHARD, CartTable.OPENED_AT_MS);
        assertThat(rawItem(old)).containsKeys(CartTable.OPEN_SHARD, CartTable.OPENED_AT_MS);
        assertThat(client.scan(r -> r.tableName(tableName).indexName(CartTable.OPEN_CARTS)).count()).isEqualTo(3);
    }

    @Test
    void theLimitTakesTheOldestAcrossAllShards() {
        List<UUID> carts = IntStream.range(0, 40).mapToObj(i -> open(T0.minus(Duration.ofHours(i)))).toList();

        List<CartView> oldest = store.openSince(T0, 7);

        assertThat(oldest).extracting(CartView::cartId).containsExactlyElementsOf(
                IntStream.rangeClosed(33, 39).map(i -> 72 - i).mapToObj(carts::get).toList());
        assertThat(carts.stream().map(CartTable::shardOf).distinct().count())
                .as("40 carts spread over the shards").isGreaterThan(1);
    }

    @Test
    void clearRemovesEveryCart() {
        IntStream.range(0, 30).forEach(i -> open(T0));

        store.clear();

        assertThat(client.scan(r -> r.tableName(tableName)).count()).isZero();
        assertThat(store.openSince(T0, 10)).isEmpty();
    }

    private UUID open(Instant openedAt) {
        UUID cart = UUID.randomUUID();
        projection.on(new CartOpened(cart, "c"), 0, openedAt);
        return cart;
    }

    private Map<String, AttributeValue> rawItem(UUID cart) {
        return client.getItem(r -> r.tableName(tableName).key(Map.of("pk", AttributeValue.fromS(cart.toString())))
                .consistentRead(true)).item();
    }
}
