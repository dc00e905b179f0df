package com.boxoffice.axon.springboot.eventstore;

import com.boxoffice.axon.springboot.dynamodb.DynamoDbAutoConfiguration;

import com.boxoffice.axon.springboot.dynamodb.DynamoDbProperties;
import com.boxoffice.axon.dynamodb.schema.DynamoDbSchema;
import com.boxoffice.axon.dynamodb.schema.TableSpec;
import com.boxoffice.axon.dynamodb.eventstore.DynamoDbEventStorageEngine;
import com.boxoffice.axon.dynamodb.eventstore.PartitionKey;
import com.boxoffice.axon.springboot.eventstore.DynamoDbEventStoreProperties;
import com.boxoffice.axon.dynamodb.eventstore.EventStoreObserver;
import com.boxoffice.axon.dynamodb.eventstore.EventTables;
import com.boxoffice.axon.dynamodb.streaming.NotifyingEmbeddedEventStore;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Makes the DynamoDB event storage engine the application's {@link EventStorageEngine}, and builds Axon's
 * {@link EmbeddedEventStore} on it as Axon's own auto-configuration would, plus the polling interval
 * ({@code boxoffice.eventstore.polling-interval}), which Axon's leaves at its built-in second.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class, after = DynamoDbAutoConfiguration.class)
@EnableConfigurationProperties(DynamoDbEventStoreProperties.class)
public class DynamoDbEventStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public EventTables eventTables(DynamoDbProperties dynamoDb, DynamoDbEventStoreProperties properties) {
        return new EventTables(dynamoDb.tableName(properties.eventsTable()), dynamoDb.tableName(properties.headsTable()),
                dynamoDb.tableName(properties.snapshotsTable()));
    }

    @Bean
    public TableSpec eventsTableSpec(EventTables tables) {
        return tables.specs().get(0);
    }

    @Bean
    public TableSpec eventHeadsTableSpec(EventTables tables) {
        return tables.specs().get(1);
    }

    @Bean
    public TableSpec snapshotsTableSpec(EventTables tables) {
        return tables.specs().get(2);
    }

    @Bean
    @ConditionalOnMissingBean(EventStorageEngine.class)
    public DynamoDbEventStorageEngine eventStorageEngine(DynamoDbClient client, EventTables tables, DynamoDbSchema schema,
                                                         DynamoDbEventStoreProperties properties,
                                                         Serializer defaultSerializer,
                                                         @Qualifier("eventSerializer") Serializer eventSerializer,
                                                         org.axonframework.config.Configuration configuration,
                                                         ObjectProvider<EventStoreObserver> observer,
                                                         ObjectProvider<PartitionKey> partitionKey) {
        // The schema parameter orders start-up: the tables exist before the engine is used.
        return DynamoDbEventStorageEngine.builder()
                .client(client)
                .tables(tables)
                .partitions(properties.partitions())
                .partitionKey(partitionKey.getIfUnique(properties::partitionKey))
                .batchSize(properties.batchSize())
                .maxCommitAttempts(properties.maxCommitAttempts())
                .clockSkew(properties.clockSkew())
                .compressEvents(properties.compressEvents())
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                // e.g. the meters of EventStoreMetricsAutoConfiguration
                .observer(observer.getIfUnique(() -> EventStoreObserver.NONE))
                .build();
    }

    /**
     * Axon's event store bean (same name, qualifier and conditions as in {@code AxonAutoConfiguration}, which backs off
     * when this one exists), with the fetch delay from the properties: how late a tracking processor sees another JVM's
     * events when the stream is idle, against one heads read per poll; and, unless switched off, streams that tell
     * pooled streaming processors of new events (see {@link NotifyingEmbeddedEventStore}).
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    @ConditionalOnMissingBean(EventBus.class)
    @ConditionalOnBean(EventStorageEngine.class)
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, DynamoDbEventStoreProperties properties,
                                         org.axonframework.config.Configuration configuration) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.pollingInterval().toMillis());
        return properties.notifyProcessors() ? new NotifyingEmbeddedEventStore(builder) : builder.build();
    }
}
