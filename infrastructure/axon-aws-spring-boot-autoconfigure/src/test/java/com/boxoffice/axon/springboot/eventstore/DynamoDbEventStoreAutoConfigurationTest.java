package com.boxoffice.axon.springboot.eventstore;

import com.boxoffice.axon.dynamodb.eventstore.DynamoDbEventStorageEngine;
import com.boxoffice.axon.dynamodb.eventstore.EventTables;

import com.boxoffice.axon.springboot.eventstore.DynamoDbEventStoreAutoConfiguration;
import com.boxoffice.axon.springboot.testing.AxonContextRunners;
import com.boxoffice.testing.LocalDynamoDb;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.util.ReflectionTestUtils;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** In a Spring Boot application with Axon, the DynamoDB engine becomes the event store's engine, configured by properties. */
class DynamoDbEventStoreAutoConfigurationTest {

    private final String prefix = LocalDynamoDb.uniquePrefix();

    private final ApplicationContextRunner runner = AxonContextRunners.axonOnLocalDynamoDb(prefix, DynamoDbEventStoreAutoConfiguration.class)
            .withUserConfiguration(InMemoryTokens.class);

    @Configuration(proxyBeanMethods = false)
    static class InMemoryTokens {
        @Bean
        TokenStore tokenStore() {
            return new InMemoryTokenStore();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEngine {
        @Bean
        EventStorageEngine myEngine() {
            return new InMemoryEventStorageEngine();
        }
    }

    @Test
    void theEngineIsTheEventStoresEngineAndPropertiesBind() {
        runner.withPropertyValues("boxoffice.eventstore.partitions=8", "boxoffice.eventstore.batch-size=40",
                        "boxoffice.eventstore.events-table=ev", "boxoffice.eventstore.max-commit-attempts=7",
                        "boxoffice.eventstore.clock-skew=30s", "boxoffice.eventstore.polling-interval=250ms")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    DynamoDbEventStoreProperties properties = context.getBean(DynamoDbEventStoreProperties.class);
                    assertThat(properties.batchSize()).isEqualTo(40);
                    assertThat(properties.maxCommitAttempts()).isEqualTo(7);
                    assertThat(properties.clockSkew()).hasSeconds(30);

                    DynamoDbEventStorageEngine engine = context.getBean(DynamoDbEventStorageEngine.class);
                    assertThat(context.getBean(EventStorageEngine.class)).isSameAs(engine);
                    assertThat(engine.partitions()).isEqualTo(8);
                    assertThat(engine.tables()).isEqualTo(new EventTables(prefix + "ev", prefix + "event-heads", prefix + "snapshots"));
                    assertThat(engine.getEventSerializer()).isInstanceOf(Jackson3Serializer.class);
                    assertThat(engine.getSnapshotSerializer()).isInstanceOf(Jackson3Serializer.class);

                    // The schema bean created the tables before the engine was used.
                    DynamoDbClient client = context.getBean(DynamoDbClient.class);
                    // describeTable, not listTables: the shared test server holds more tables than one list page shows.
                    for (String table : new String[]{prefix + "ev", prefix + "event-heads", prefix + "snapshots"}) {
                        assertThat(client.describeTable(r -> r.tableName(table)).table().tableStatusAsString()).isEqualTo("ACTIVE");
                    }

                    // Axon's event store runs on it: what the app publishes is in DynamoDB, in the aggregate and the stream.
                    EventStore eventStore = context.getBean(EventStore.class);
                    assertThat(eventStore).isInstanceOf(EmbeddedEventStore.class);
                    assertThat(context).getBeans(EventBus.class).hasSize(1);
                    assertThat(fetchDelay(eventStore)).isEqualTo(Duration.ofMillis(250));
                    GenericDomainEventMessage<String> event = new GenericDomainEventMessage<>("Show", "show-1", 0, "opened");
                    eventStore.publish(event);
                    assertThat(engine.readEvents("show-1").asStream().map(EventMessage::getIdentifier))
                            .containsExactly(event.getIdentifier());
                    try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(engine.createTailToken(), false)) {
                        assertThat(stream.<Object>map(EventMessage::getPayload).toList()).containsExactly("opened");
                    }
                });
    }

    @Test
    void defaultsFollowTheDesign() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            DynamoDbEventStorageEngine engine = context.getBean(DynamoDbEventStorageEngine.class);
            assertThat(engine.partitions()).isEqualTo(16);
            assertThat(engine.tables().events()).isEqualTo(prefix + "events");
            assertThat(context.getBean(DynamoDbEventStoreProperties.class).batchSize()).isEqualTo(100);
            assertThat(fetchDelay(context.getBean(EventStore.class))).isEqualTo(Duration.ofSeconds(1));
        });
    }

    @Test
    void anApplicationsOwnEngineWins() {
        runner.withUserConfiguration(OwnEngine.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(DynamoDbEventStorageEngine.class);
            assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(InMemoryEventStorageEngine.class);
        });
    }

    /** Axon keeps the polling interval in its private producer; there is no getter, and waiting for it would be a timed test. */
    private static Duration fetchDelay(EventStore eventStore) {
        Object producer = ReflectionTestUtils.getField(eventStore, "producer");
        return Duration.ofNanos((Long) ReflectionTestUtils.getField(producer, "fetchDelayNanos"));
    }
}
