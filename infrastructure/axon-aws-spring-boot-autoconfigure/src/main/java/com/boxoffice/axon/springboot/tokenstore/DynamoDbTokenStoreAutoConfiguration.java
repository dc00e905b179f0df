package com.boxoffice.axon.springboot.tokenstore;

import com.boxoffice.axon.springboot.dynamodb.DynamoDbAutoConfiguration;

import com.boxoffice.axon.springboot.dynamodb.DynamoDbProperties;
import com.boxoffice.axon.dynamodb.schema.DynamoDbSchema;
import com.boxoffice.axon.dynamodb.schema.TableSpec;
import com.boxoffice.axon.dynamodb.tokenstore.DynamoDbTokenStore;
import com.boxoffice.axon.springboot.tokenstore.DynamoDbTokenStoreProperties;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Makes the DynamoDB token store the token store of every streaming processor of the application, unless the
 * application defines its own {@link TokenStore} (then no token table is created either).
 */
@AutoConfiguration(before = AxonAutoConfiguration.class, after = DynamoDbAutoConfiguration.class)
@ConditionalOnMissingBean(TokenStore.class)
@EnableConfigurationProperties(DynamoDbTokenStoreProperties.class)
public class DynamoDbTokenStoreAutoConfiguration {

    @Bean
    public TableSpec tokensTableSpec(DynamoDbProperties dynamoDb, DynamoDbTokenStoreProperties properties) {
        return DynamoDbTokenStore.tableSpec(dynamoDb.tableName(properties.table()));
    }

    /**
     * Tokens are written with Axon's general serializer, the {@code serializer} bean, as Axon's JDBC and JPA token
     * stores are; the schema parameter orders start-up so the table exists before a processor claims a segment.
     */
    @Bean
    public DynamoDbTokenStore tokenStore(DynamoDbClient client, DynamoDbSchema schema, DynamoDbProperties dynamoDb,
                                         DynamoDbTokenStoreProperties properties, Serializer serializer) {
        DynamoDbTokenStore.Builder builder = DynamoDbTokenStore.builder()
                .client(client)
                .table(dynamoDb.tableName(properties.table()))
                .serializer(serializer)
                .claimTimeout(properties.claimTimeout());
        if (properties.owner() != null && !properties.owner().isBlank()) {
            builder.owner(properties.owner());
        }
        return builder.build();
    }
}
