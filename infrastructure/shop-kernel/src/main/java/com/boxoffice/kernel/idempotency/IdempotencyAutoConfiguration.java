package com.boxoffice.kernel.idempotency;

import com.boxoffice.axon.dynamodb.schema.DynamoDbSchema;
import com.boxoffice.axon.dynamodb.schema.TableSpec;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbAutoConfiguration;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;

/**
 * {@code Idempotency-Key}s kept in DynamoDB (table {@code <prefix>idempotency-keys}, created with the others by
 * {@link DynamoDbSchema}), for the endpoints the contexts declare as {@link IdempotentEndpoint} beans.
 */
@AutoConfiguration(after = DynamoDbAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(DynamoDbClient.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    /** After Spring Security's filter chain (order -100), so that the key is the authenticated caller's. */
    static final int FILTER_ORDER = 0;

    @Bean
    TableSpec idempotencyKeysTable(DynamoDbProperties properties) {
        return IdempotencyKeyTable.spec(properties.tableName(IdempotencyKeyTable.NAME));
    }

    /** Depends on the schema so that the table exists before the first request. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(DynamoDbClient client, DynamoDbProperties dynamoDb,
                                                                DynamoDbSchema schema, IdempotencyProperties properties,
                                                                List<IdempotentEndpoint> endpoints) {
        DynamoDbIdempotencyKeys keys = new DynamoDbIdempotencyKeys(client,
                dynamoDb.tableName(IdempotencyKeyTable.NAME), properties, Clock.systemUTC());
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(keys, endpoints, properties.retryWait()));
        registration.setOrder(FILTER_ORDER);
        return registration;
    }
}
