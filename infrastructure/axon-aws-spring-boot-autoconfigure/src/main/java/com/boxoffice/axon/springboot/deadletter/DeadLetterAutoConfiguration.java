package com.boxoffice.axon.springboot.deadletter;

import com.boxoffice.axon.dynamodb.deadletter.DynamoDbSequencedDeadLetterQueue;
import com.boxoffice.axon.dynamodb.schema.DynamoDbSchema;
import com.boxoffice.axon.dynamodb.schema.TableSpec;
import com.boxoffice.axon.dynamodb.tokenstore.DynamoDbTokenStore;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbAutoConfiguration;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbProperties;
import com.boxoffice.axon.springboot.tokenstore.DynamoDbTokenStoreAutoConfiguration;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Dead letters for the processing groups an application opts in with {@link DeadLetteringProcessors}: a DynamoDB
 * dead-letter queue per group in one table ({@code boxoffice.dead-letter.*}), on by default wherever the DynamoDB
 * token store is Axon's token store; the {@code deadLetters} health contribution
 * ({@code management.health.dead-letters.enabled}) and the {@value DeadLetterMeters#NAME} gauge
 * ({@code boxoffice.dead-letter.metrics.enabled}).
 * <p>
 * {@link DeadLetteringProcessors} is always there, so a context's configuration uses it whether or not dead letters
 * are on; without them its groups' errors propagate, as they did before.
 */
@AutoConfiguration(after = {DynamoDbAutoConfiguration.class, DynamoDbTokenStoreAutoConfiguration.class,
        AxonAutoConfiguration.class})
@EnableConfigurationProperties(DeadLetterProperties.class)
public class DeadLetterAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public DeadLetteringProcessors deadLetteringProcessors(ObjectProvider<DynamoDbDeadLetterQueues> queues) {
        return new DeadLetteringProcessors(queues.getIfAvailable());
    }

    /** The DynamoDB queues, where the DynamoDB token store is used and dead letters are not switched off. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({DynamoDbTokenStore.class, DynamoDbClient.class})
    @ConditionalOnProperty(prefix = "boxoffice.dead-letter", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class Queues {

        @Bean
        TableSpec deadLettersTableSpec(DynamoDbProperties dynamoDb, DeadLetterProperties properties) {
            return DynamoDbSequencedDeadLetterQueue.tableSpec(dynamoDb.tableName(properties.table()));
        }

        /**
         * Payloads and metadata with Axon's event serializer, tokens and diagnostics with its general one, as Axon's
         * JDBC queue; the schema parameter orders start-up so that the table exists before a letter is written.
         */
        @Bean
        @ConditionalOnMissingBean
        DynamoDbDeadLetterQueues dynamoDbDeadLetterQueues(DynamoDbClient client, DynamoDbSchema schema,
                                                          DynamoDbProperties dynamoDb, DeadLetterProperties properties,
                                                          Serializer serializer,
                                                          @Qualifier("eventSerializer") Serializer eventSerializer) {
            return new DynamoDbDeadLetterQueues(client, dynamoDb.tableName(properties.table()), eventSerializer,
                    serializer, properties);
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
        @ConditionalOnEnabledHealthIndicator("dead-letters")
        static class Health {

            @Bean
            @ConditionalOnMissingBean(name = "deadLettersHealthIndicator")
            DeadLettersHealthIndicator deadLettersHealthIndicator(DynamoDbDeadLetterQueues queues) {
                return new DeadLettersHealthIndicator(queues);
            }
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
        @ConditionalOnProperty(prefix = "boxoffice.dead-letter.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
        static class Metrics {

            @Bean
            @ConditionalOnMissingBean
            DeadLetterMeters deadLetterMeters(DynamoDbDeadLetterQueues queues) {
                return new DeadLetterMeters(queues);
            }
        }
    }
}
