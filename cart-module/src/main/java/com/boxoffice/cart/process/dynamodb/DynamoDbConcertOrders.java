package com.boxoffice.cart.process.dynamodb;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import com.boxoffice.axon.dynamodb.support.BatchWrites;
import com.boxoffice.cart.process.ConcertOrders;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link ConcertOrders} in a table keyed by concert and order: an add is {@link BatchWrites} of puts (the same item
 * again is the same item), the orders of a concert are one query, paged by the SDK's paginator.
 */
public final class DynamoDbConcertOrders implements ConcertOrders {

    public static final String NAME = "concert-orders";
    static final String CONCERT_ID = "concertId";
    static final String ORDER_ID = "orderId";

    private final DynamoDbClient client;
    private final String table;
    private final BatchWrites writes;
    /** Items per page of a query, or null for DynamoDB's 1 MB pages; tests make pages small to page cheaply. */
    private final Integer pageItems;

    public DynamoDbConcertOrders(DynamoDbClient client, String table) {
        this(client, table, null);
    }

    DynamoDbConcertOrders(DynamoDbClient client, String table, Integer pageItems) {
        this.client = client;
        this.table = table;
        this.writes = new BatchWrites(client, table);
        this.pageItems = pageItems;
    }

    public static TableSpec spec(String tableName) {
        return new TableSpec(tableName, CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName(CONCERT_ID).attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(ORDER_ID).attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName(CONCERT_ID).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(ORDER_ID).keyType(KeyType.RANGE).build())
                .build());
    }

    /** @throws IllegalStateException when DynamoDB kept throttling the puts (the processor retries the event) */
    @Override
    public void add(UUID concertId, List<UUID> orders) {
        writes.writeAll(new LinkedHashSet<>(orders).stream()
                .map(order -> WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                        CONCERT_ID, AttributeValue.fromS(concertId.toString()),
                        ORDER_ID, AttributeValue.fromS(order.toString()))).build()).build())
                .toList());
    }

    @Override
    public List<UUID> of(UUID concertId) {
        return client.queryPaginator(QueryRequest.builder().tableName(table).consistentRead(true).limit(pageItems)
                        .keyConditionExpression("#c = :c")
                        .expressionAttributeNames(Map.of("#c", CONCERT_ID))
                        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(concertId.toString())))
                        .build())
                .items().stream().map(item -> UUID.fromString(item.get(ORDER_ID).s())).toList();
    }
}
