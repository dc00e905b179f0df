package com.boxoffice.cart.query.dynamodb;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import static com.boxoffice.cart.query.dynamodb.Attributes.PK;
import static com.boxoffice.cart.query.dynamodb.Attributes.definition;
import static com.boxoffice.cart.query.dynamodb.Attributes.key;

/** The order table's name, attributes and creation request. */
final class OrderTable {

    static final String NAME = "orders";

    static final String CART_ID = "cartId";
    static final String CUSTOMER_ID = "customerId";
    static final String STATUS = "status";
    static final String LINES = "lines";
    static final String TOTAL = "total";
    static final String REASON = "reason";
    static final String PLACED_AT = "placedAt";

    private OrderTable() {
    }

    static TableSpec spec(String tableName) {
        return new TableSpec(tableName, CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition(PK, ScalarAttributeType.S))
                .keySchema(key(PK, KeyType.HASH))
                .build());
    }
}
