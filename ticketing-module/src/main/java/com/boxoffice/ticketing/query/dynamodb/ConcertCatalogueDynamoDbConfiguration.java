package com.boxoffice.ticketing.query.dynamodb;

import com.boxoffice.axon.springboot.dynamodb.DynamoDbProperties;
import com.boxoffice.axon.dynamodb.schema.DynamoDbSchema;
import com.boxoffice.axon.dynamodb.schema.TableSpec;
import com.boxoffice.ticketing.query.ConcertCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The catalogue's table (created at start-up by {@link DynamoDbSchema}) and its DynamoDB adapter. */
@Configuration(proxyBeanMethods = false)
public class ConcertCatalogueDynamoDbConfiguration {

    @Bean
    TableSpec concertCatalogueTable(DynamoDbProperties properties) {
        return ConcertTable.spec(properties.tableName(ConcertTable.NAME));
    }

    /** Depends on the schema so that the table exists before the first event is projected. */
    @Bean
    ConcertCatalogue concertCatalogue(DynamoDbClient client, DynamoDbProperties properties, DynamoDbSchema schema) {
        return new DynamoDbConcertCatalogue(client, properties.tableName(ConcertTable.NAME));
    }
}
