package com.boxoffice.cart.query.dynamodb;

import com.boxoffice.cart.api.CartLine;
import com.boxoffice.cart.api.OrderConfirmed;
import com.boxoffice.cart.api.OrderPlaced;
import com.boxoffice.cart.api.OrderRejected;
import com.boxoffice.cart.api.OrderStatus;
import com.boxoffice.cart.api.OrderView;
import com.boxoffice.cart.query.OrderProjection;
import com.boxoffice.axon.dynamodb.schema.TableCreator;
import com.boxoffice.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The order views in DynamoDB Local: outcome and reason, idempotent replay. */
class DynamoDbOrderViewStoreTest {

    private static final Instant PLACED_AT = Instant.parse("2026-10-01T08:00:00.5Z");
    private static final List<CartLine> LINES = List.of(new CartLine(UUID.randomUUID(), 2, new BigDecimal("45.00")),
            new CartLine(UUID.randomUUID(), 1, new BigDecimal("10.50")));

    private static DynamoDbClient client;
    private DynamoDbOrderViewStore store;
    private OrderProjection projection;

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
        String tableName = LocalDynamoDb.uniquePrefix() + OrderTable.NAME;
        new TableCreator(client).createMissing(List.of(OrderTable.spec(tableName)));
        store = new DynamoDbOrderViewStore(client, tableName);
        projection = new OrderProjection(store);
    }

    @Test
    void aConfirmedOrderSurvivesTheRoundTrip() {
        UUID order = UUID.randomUUID();
        UUID cart = UUID.randomUUID();
        projection.on(new OrderPlaced(order, cart, "customer-1", LINES, new BigDecimal("100.50")), 0, PLACED_AT);
        assertThat(store.find(order).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);

        projection.on(new OrderConfirmed(order, new BigDecimal("100.50")), 5);

        assertThat(store.find(order)).contains(new OrderView(order, cart, "customer-1", OrderStatus.CONFIRMED, LINES,
                new BigDecimal("100.50"), null, PLACED_AT));
    }

    @Test
    void aRejectedOrderKeepsItsReasonThroughAReplay() {
        UUID order = UUID.randomUUID();
        Runnable events = () -> {
            projection.on(new OrderPlaced(order, UUID.randomUUID(), "c", LINES, new BigDecimal("100.50")), 0, PLACED_AT);
            projection.on(new OrderRejected(order, "Concert x has 0 ticket(s) available, 1 requested", LINES), 3);
        };
        events.run();
        OrderView once = store.find(order).orElseThrow();

        events.run();

        assertThat(store.find(order)).contains(once);
        assertThat(once.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(once.reason()).isEqualTo("Concert x has 0 ticket(s) available, 1 requested");
    }
}
