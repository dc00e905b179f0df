package com.boxoffice.cart.query.dynamodb;

import com.boxoffice.cart.api.OrderStatus;
import com.boxoffice.cart.api.OrderView;
import com.boxoffice.cart.query.OrderViewStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static com.boxoffice.cart.query.dynamodb.Attributes.PK;
import static com.boxoffice.cart.query.dynamodb.Attributes.lines;
import static com.boxoffice.cart.query.dynamodb.Attributes.money;
import static com.boxoffice.cart.query.dynamodb.Attributes.s;
import static com.boxoffice.cart.query.dynamodb.OrderTable.*;

/** The {@link OrderViewStore} in one DynamoDB table, one item per order. */
public final class DynamoDbOrderViewStore implements OrderViewStore {

    private final VersionedItems items;

    public DynamoDbOrderViewStore(DynamoDbClient client, String tableName) {
        this.items = new VersionedItems(client, tableName);
    }

    @Override
    public void create(OrderView order, long sequence) {
        items.create(order.orderId().toString(), sequence, attributes(order));
    }

    @Override
    public void update(UUID orderId, long sequence, UnaryOperator<OrderView> change) {
        items.update(orderId.toString(), sequence, item -> attributes(change.apply(view(item))));
    }

    @Override
    public Optional<OrderView> find(UUID orderId) {
        return items.find(orderId.toString()).map(DynamoDbOrderViewStore::view);
    }

    @Override
    public void clear() {
        items.clear();
    }

    private static Map<String, AttributeValue> attributes(OrderView order) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(CART_ID, s(order.cartId().toString()));
        item.put(CUSTOMER_ID, s(order.customerId()));
        item.put(STATUS, s(order.status().name()));
        item.put(LINES, lines(order.lines()));
        item.put(TOTAL, money(order.total()));
        item.put(PLACED_AT, s(order.placedAt().toString()));
        if (order.reason() != null) {
            item.put(REASON, s(order.reason()));
        }
        return item;
    }

    private static OrderView view(Map<String, AttributeValue> item) {
        return new OrderView(UUID.fromString(item.get(PK).s()), UUID.fromString(item.get(CART_ID).s()),
                item.get(CUSTOMER_ID).s(), OrderStatus.valueOf(item.get(STATUS).s()), lines(item.get(LINES)),
                money(item.get(TOTAL)), item.containsKey(REASON) ? item.get(REASON).s() : null,
                Instant.parse(item.get(PLACED_AT).s()));
    }
}
