package com.boxoffice.cart.query.dynamodb;

import com.boxoffice.cart.query.CartViewStore;
import com.boxoffice.cart.query.OrderViewStore;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbProperties;
import com.boxoffice.axon.dynamodb.schema.DynamoDbSchema;
import com.boxoffice.axon.dynamodb.schema.TableSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The cart and order view tables (created at start-up by {@link DynamoDbSchema}) and their DynamoDB adapters. */
@Configuration(proxyBeanMethods = false)
public class CartQueryDynamoDbConfiguration {

    @Bean
    TableSpec cartViewTable(DynamoDbProperties properties) {
        return CartTable.spec(properties.tableName(CartTable.NAME));
    }

    @Bean
    TableSpec orderViewTable(DynamoDbProperties properties) {
        return OrderTable.spec(properties.tableName(OrderTable.NAME));
    }

    /** Depends on the schema so that the table exists before the first event is projected. */
    @Bean
    CartViewStore cartViewStore(DynamoDbClient client, DynamoDbProperties properties, DynamoDbSchema schema) {
        return new DynamoDbCartViewStore(client, properties.tableName(CartTable.NAME));
    }

    @Bean
    OrderViewStore orderViewStore(DynamoDbClient client, DynamoDbProperties properties, DynamoDbSchema schema) {
        return new DynamoDbOrderViewStore(client, properties.tableName(OrderTable.NAME));
    }
}
