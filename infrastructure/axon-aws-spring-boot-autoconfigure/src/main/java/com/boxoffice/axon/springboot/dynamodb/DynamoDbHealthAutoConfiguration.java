package com.boxoffice.axon.springboot.dynamodb;

import com.boxoffice.axon.springboot.eventstore.DynamoDbEventStoreAutoConfiguration;
import com.boxoffice.axon.springboot.tokenstore.DynamoDbTokenStoreAutoConfiguration;

import com.boxoffice.axon.springboot.dynamodb.DynamoDbConnection;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbProperties;
import com.boxoffice.axon.dynamodb.eventstore.EventTables;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbHealthIndicator;
import com.boxoffice.axon.springboot.tokenstore.DynamoDbTokenStoreProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code dynamoDb} health indicator over the tables of the event store and the token store (those of them this
 * application uses), when Spring Boot's health support is on the class path.
 */
@AutoConfiguration(after = {DynamoDbAutoConfiguration.class, DynamoDbEventStoreAutoConfiguration.class,
        DynamoDbTokenStoreAutoConfiguration.class})
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean({DynamoDbClient.class, DynamoDbConnection.class})
public class DynamoDbHealthAutoConfiguration {

    /** Short: a health endpoint that hangs is worse than one that says DOWN. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Bean
    @ConditionalOnMissingBean(name = "dynamoDbHealthIndicator")
    public DynamoDbHealthIndicator dynamoDbHealthIndicator(DynamoDbClient client, DynamoDbConnection connection,
                                                           ObjectProvider<EventTables> eventTables,
                                                           ObjectProvider<DynamoDbTokenStoreProperties> tokenStore,
                                                           ObjectProvider<DynamoDbProperties> dynamoDb) {
        List<String> tables = new ArrayList<>();
        eventTables.ifAvailable(event -> tables.addAll(List.of(event.events(), event.heads(), event.snapshots())));
        tokenStore.ifAvailable(tokens -> dynamoDb.ifAvailable(names -> tables.add(names.tableName(tokens.table()))));
        return new DynamoDbHealthIndicator(client, connection, tables, TIMEOUT);
    }
}
