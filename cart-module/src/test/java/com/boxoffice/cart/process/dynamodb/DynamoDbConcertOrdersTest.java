package com.boxoffice.cart.process.dynamodb;

import com.boxoffice.axon.dynamodb.schema.TableCreator;
import com.boxoffice.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The orders of each concert in DynamoDB Local: batches over the 25-item limit, repeats, pages. */
class DynamoDbConcertOrdersTest {

    private static DynamoDbClient client;
    private DynamoDbConcertOrders store;
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
        table = LocalDynamoDb.uniquePrefix() + DynamoDbConcertOrders.NAME;
        new TableCreator(client).createMissing(List.of(DynamoDbConcertOrders.spec(table)));
        store = new DynamoDbConcertOrders(client, table);
    }

    @Test
    void keepsEveryOrderOfAConcertOnceAndOnlyThatConcertsOrders() {
        UUID concert = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        List<UUID> orders = IntStream.range(0, 97).mapToObj(i -> UUID.randomUUID()).toList();
        List<UUID> withRepeats = new ArrayList<>(orders);
        withRepeats.addAll(orders.subList(0, 10));

        store.add(concert, withRepeats);
        store.add(concert, orders.subList(40, 60));
        store.add(other, List.of(UUID.randomUUID()));

        assertThat(store.of(concert)).containsExactlyInAnyOrderElementsOf(orders);
        assertThat(store.of(other)).hasSize(1);
        assertThat(store.of(UUID.randomUUID())).isEmpty();
    }

    @Test
    void readsPastOnePageOfResults() {
        UUID concert = UUID.randomUUID();
        List<UUID> orders = IntStream.range(0, 250).mapToObj(i -> UUID.randomUUID()).toList();
        DynamoDbConcertOrders pagedBy100 = new DynamoDbConcertOrders(client, table, 100);

        pagedBy100.add(concert, orders);

        // Three pages; a 1 MB page ends the same way (LastEvaluatedKey), it only takes ~11,000 such items to fill.
        assertThat(pagedBy100.of(concert)).hasSize(250).containsExactlyInAnyOrderElementsOf(orders);
    }
}
