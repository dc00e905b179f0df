package com.boxoffice.cart.query.dynamodb;

import com.boxoffice.cart.api.CartStatus;
import com.boxoffice.cart.api.CartView;
import com.boxoffice.cart.query.CartViewStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static com.boxoffice.cart.query.dynamodb.Attributes.PK;
import static com.boxoffice.cart.query.dynamodb.Attributes.lines;
import static com.boxoffice.cart.query.dynamodb.Attributes.money;
import static com.boxoffice.cart.query.dynamodb.Attributes.n;
import static com.boxoffice.cart.query.dynamodb.Attributes.s;
import static com.boxoffice.cart.query.dynamodb.CartTable.*;

/**
 * The {@link CartViewStore} in one DynamoDB table, one item per cart (see the package documentation). Carts left open
 * are found through the sparse {@value CartTable#OPEN_CARTS} index: one key-range Query per shard, no scan.
 */
public final class DynamoDbCartViewStore implements CartViewStore {

    private final DynamoDbClient client;
    private final VersionedItems items;

    public DynamoDbCartViewStore(DynamoDbClient client, String tableName) {
        this.client = client;
        this.items = new VersionedItems(client, tableName);
    }

    @Override
    public void create(CartView cart, long sequence) {
        items.create(cart.cartId().toString(), sequence, attributes(cart));
    }

    @Override
    public void update(UUID cartId, long sequence, UnaryOperator<CartView> change) {
        items.update(cartId.toString(), sequence, item -> attributes(change.apply(view(item))));
    }

    @Override
    public Optional<CartView> find(UUID cartId) {
        return items.find(cartId.toString()).map(DynamoDbCartViewStore::view);
    }

    @Override
    public List<CartView> openSince(Instant openedAtOrBefore, int limit) {
        List<CartView> open = new ArrayList<>();
        // The oldest `limit` carts overall are among the oldest `limit` of each shard.
        for (int shard = 0; shard < SHARDS; shard++) {
            QueryRequest query = QueryRequest.builder()
                    .tableName(items.tableName())
                    .indexName(OPEN_CARTS)
                    .keyConditionExpression("#shard = :shard AND #openedAtMs <= :cutoff")
                    .expressionAttributeNames(Map.of("#shard", OPEN_SHARD, "#openedAtMs", OPENED_AT_MS))
                    .expressionAttributeValues(Map.of(":shard", s(shard(shard)), ":cutoff", n(openedAtOrBefore.toEpochMilli())))
                    .scanIndexForward(true)
                    .limit(limit)
                    .build();
            client.queryPaginator(query).items().stream()
                    .limit(limit)
                    .map(DynamoDbCartViewStore::view)
                    .forEach(open::add);
        }
        open.sort(Comparator.comparing(CartView::openedAt).thenComparing(CartView::cartId));
        return open.size() > limit ? List.copyOf(open.subList(0, limit)) : open;
    }

    @Override
    public void clear() {
        items.clear();
    }

    private static Map<String, AttributeValue> attributes(CartView cart) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(CUSTOMER_ID, s(cart.customerId()));
        item.put(STATUS, s(cart.status().name()));
        item.put(ITEMS, lines(cart.items()));
        item.put(TOTAL, money(cart.total()));
        item.put(OPENED_AT, s(cart.openedAt().toString()));
        if (cart.orderId() != null) {
            item.put(ORDER_ID, s(cart.orderId().toString()));
        }
        if (cart.status() == CartStatus.OPEN) {
            // Sparse index: only open carts carry its keys, so the index holds open carts only.
            item.put(OPEN_SHARD, s(shardOf(cart.cartId())));
            item.put(OPENED_AT_MS, n(cart.openedAt().toEpochMilli()));
        }
        return item;
    }

    private static CartView view(Map<String, AttributeValue> item) {
        return new CartView(UUID.fromString(item.get(PK).s()), item.get(CUSTOMER_ID).s(),
                CartStatus.valueOf(item.get(STATUS).s()), lines(item.get(ITEMS)), money(item.get(TOTAL)),
                Instant.parse(item.get(OPENED_AT).s()),
                item.containsKey(ORDER_ID) ? UUID.fromString(item.get(ORDER_ID).s()) : null);
    }
}
