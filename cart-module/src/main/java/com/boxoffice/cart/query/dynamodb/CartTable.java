package com.boxoffice.cart.query.dynamodb;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.UUID;

import static com.boxoffice.cart.query.dynamodb.Attributes.PK;
import static com.boxoffice.cart.query.dynamodb.Attributes.definition;
import static com.boxoffice.cart.query.dynamodb.Attributes.key;

/** The cart table's name, attributes, sparse index of open carts, and creation request. */
final class CartTable {

    static final String NAME = "carts";
    static final String OPEN_CARTS = "open-carts";

    static final String CUSTOMER_ID = "customerId";
    static final String STATUS = "status";
    static final String ITEMS = "items";
    static final String TOTAL = "total";
    static final String OPENED_AT = "openedAt";
    static final String ORDER_ID = "orderId";
    /** Index keys, present only while the cart is OPEN. */
    static final String OPEN_SHARD = "openShard";
    static final String OPENED_AT_MS = "openedAtMs";

    /**
     * Open carts are spread over this many index partitions, so that opening carts at a high rate does not make one
     * partition hot. Changing it strands the carts indexed under shards that are no longer queried: don't.
     */
    static final int SHARDS = 8;

    private CartTable() {
    }

    static String shardOf(UUID cartId) {
        return shard(Math.floorMod(cartId.hashCode(), SHARDS));
    }

    static String shard(int index) {
        return "open#" + index;
    }

    static TableSpec spec(String tableName) {
        return new TableSpec(tableName, CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        definition(PK, ScalarAttributeType.S),
                        definition(OPEN_SHARD, ScalarAttributeType.S),
                        definition(OPENED_AT_MS, ScalarAttributeType.N))
                .keySchema(key(PK, KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(OPEN_CARTS)
                        .keySchema(key(OPEN_SHARD, KeyType.HASH), key(OPENED_AT_MS, KeyType.RANGE))
                        // ALL: the abandoned-carts listing is answered from the index alone.
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .build());
    }
}
