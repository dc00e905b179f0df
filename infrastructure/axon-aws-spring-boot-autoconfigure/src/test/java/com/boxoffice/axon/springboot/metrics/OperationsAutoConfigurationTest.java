package com.boxoffice.axon.springboot.metrics;

import com.boxoffice.axon.springboot.eventstore.DynamoDbEventStoreAutoConfiguration;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbHealthAutoConfiguration;
import com.boxoffice.axon.springboot.eventstore.EventStoreMetricsAutoConfiguration;
import com.boxoffice.axon.dynamodb.eventstore.EventTables;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbHealthIndicator;
import com.boxoffice.axon.springboot.testing.AxonContextRunners;
import com.boxoffice.testing.LocalDynamoDb;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** In a Spring Boot application: the engine reports to the meters in Boot's registry, and the dynamoDb health is there. */
class OperationsAutoConfigurationTest {

    private final String prefix = LocalDynamoDb.uniquePrefix();

    private final ApplicationContextRunner runner = AxonContextRunners.axonOnLocalDynamoDb(prefix,
                    DynamoDbEventStoreAutoConfiguration.class, MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, EventStoreMetricsAutoConfiguration.class,
                    DynamoDbHealthAutoConfiguration.class)
            .withUserConfiguration(InMemoryTokens.class);

    @Configuration(proxyBeanMethods = false)
    static class InMemoryTokens {
        @Bean
        TokenStore tokenStore() {
            return new InMemoryTokenStore();
        }
    }

    @Test
    void theEnginesAppendsAndCapacityAreMeteredInBootsRegistry() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            EventStorageEngine engine = context.getBean(EventStorageEngine.class);
            EventTables tables = context.getBean(EventTables.class);

            engine.appendEvents(new GenericDomainEventMessage<>("Concert", "c-1", 0, "scheduled"));

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(EventStoreMeters.APPEND).tag("outcome", "success").timer().count()).isEqualTo(1);
            assertThat(registry.get(EventStoreMeters.CONSUMED_CAPACITY).tag("table", tables.events())
                    .tag("operation", "write").counter().count()).isPositive();
        });
    }

    @Test
    void theHealthCoversTheEventTablesAndNotATokenTableTheApplicationDoesNotUse() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasBean("dynamoDbHealthIndicator");
            var health = context.getBean(DynamoDbHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("tables", Map.of(prefix + "events", "ACTIVE",
                    prefix + "event-heads", "ACTIVE", prefix + "snapshots", "ACTIVE"));
        });
    }

    @Test
    void noHealthIndicatorWithoutSpringBootsHealthSupport() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(DynamoDbHealthIndicator.class);
        });
    }
}
