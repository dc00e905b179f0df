package com.boxoffice.axon.springboot.dynamodb;

import com.boxoffice.axon.springboot.dynamodb.DynamoDbClients;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbConnection;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbProperties;
import com.boxoffice.axon.dynamodb.schema.DynamoDbSchema;
import com.boxoffice.axon.dynamodb.schema.TableCreator;
import com.boxoffice.axon.dynamodb.schema.TableSpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB client of the application: embedded DynamoDB Local by default, an endpoint or AWS when configured
 * (see {@link DynamoDbProperties}), and the tables the application's components declare as {@link TableSpec} beans.
 */
@AutoConfiguration
@EnableConfigurationProperties(DynamoDbProperties.class)
public class DynamoDbAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public DynamoDbConnection dynamoDbConnection(DynamoDbProperties properties) {
        return DynamoDbConnection.open(properties);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public DynamoDbClient dynamoDbClient(DynamoDbConnection connection) {
        return DynamoDbClients.create(connection);
    }

    @Bean
    @ConditionalOnMissingBean
    public DynamoDbSchema dynamoDbSchema(DynamoDbClient client, DynamoDbConnection connection,
                                         ObjectProvider<TableSpec> tables, DynamoDbProperties properties) {
        return new DynamoDbSchema(new TableCreator(client), tables.orderedStream().toList(), connection.describe(),
                properties.createTables());
    }
}
