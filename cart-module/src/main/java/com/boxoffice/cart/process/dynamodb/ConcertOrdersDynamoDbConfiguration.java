package com.boxoffice.cart.process.dynamodb;

import com.boxoffice.axon.dynamodb.schema.DynamoDbSchema;
import com.boxoffice.axon.dynamodb.schema.TableSpec;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbProperties;
import com.boxoffice.cart.process.ConcertOrders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The table of the orders of each concert (created at start-up by {@link DynamoDbSchema}) and its adapter. */
@Configuration(proxyBeanMethods = false)
public class ConcertOrdersDynamoDbConfiguration {

    @Bean
    TableSpec concertOrdersTable(DynamoDbProperties properties) {
        return DynamoDbConcertOrders.spec(properties.tableName(DynamoDbConcertOrders.NAME));
    }

    /** Depends on the schema so that the table exists before the first event is handled. */
    @Bean
    ConcertOrders concertOrders(DynamoDbClient client, DynamoDbProperties properties, DynamoDbSchema schema) {
        return new DynamoDbConcertOrders(client, properties.tableName(DynamoDbConcertOrders.NAME));
    }
}
