package com.boxoffice.axon.springboot.deadletter;

import com.boxoffice.axon.dynamodb.deadletter.DynamoDbSequencedDeadLetterQueue;
import com.boxoffice.axon.dynamodb.deadletter.ParkingEnqueuePolicy;
import com.boxoffice.axon.springboot.eventstore.DynamoDbEventStoreAutoConfiguration;
import com.boxoffice.axon.springboot.testing.AxonContextRunners;
import com.boxoffice.axon.springboot.tokenstore.DynamoDbTokenStoreAutoConfiguration;
import com.boxoffice.testing.LocalDynamoDb;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A group opted in with {@link DeadLetteringProcessors} gets its DynamoDB queue, health and gauge; each can be switched off. */
class DeadLetterAutoConfigurationTest {

    private static final String GROUP = "projection";

    private final String prefix = LocalDynamoDb.uniquePrefix();

    private final ApplicationContextRunner runner = AxonContextRunners.axonOnLocalDynamoDb(prefix,
                    DynamoDbEventStoreAutoConfiguration.class, DynamoDbTokenStoreAutoConfiguration.class,
                    DeadLetterAutoConfiguration.class,
                    MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class)
            .withUserConfiguration(OptedIn.class);

    @ProcessingGroup(GROUP)
    static class Projection {
        @EventHandler
        void on(String event) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OptedIn {
        @Bean
        Projection projection() {
            return new Projection();
        }

        @Bean
        ConfigurerModule projectionProcessor(DeadLetteringProcessors processors) {
            return processors.pooled(GROUP);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class InMemoryTokens {
        @Bean
        TokenStore tokenStore() {
            return new InMemoryTokenStore();
        }
    }

    @Test
    void theOptedInGroupParksInItsDynamoDbQueueWithTheParkingPolicy() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(GROUP).orElseThrow();
            assertThat(queue).isInstanceOf(DynamoDbSequencedDeadLetterQueue.class)
                    .isSameAs(context.getBean(DynamoDbDeadLetterQueues.class).forGroup(GROUP));
            DynamoDbSequencedDeadLetterQueue<?> dynamoDb = (DynamoDbSequencedDeadLetterQueue<?>) queue;
            assertThat(dynamoDb.table()).isEqualTo(prefix + "dead-letters");
            assertThat(dynamoDb.processingGroup()).isEqualTo(GROUP);
            assertThat(dynamoDb.maxSequences()).isEqualTo(1024);
            assertThat(dynamoDb.maxSequenceSize()).isEqualTo(1024);
            assertThat(dynamoDb.claimDuration()).isEqualTo(Duration.ofSeconds(30));
            assertThat(processing.deadLetterPolicy(GROUP)).containsInstanceOf(ParkingEnqueuePolicy.class);
            assertThat(processing.sequencedDeadLetterProcessor(GROUP)).isPresent();
            assertThat(context.getBean(DynamoDbClient.class).describeTable(r -> r.tableName(prefix + "dead-letters"))
                    .table().tableStatusAsString()).isEqualTo("ACTIVE");
        });
    }

    @Test
    void propertiesAndPerGroupOverridesBind() {
        runner.withPropertyValues("boxoffice.dead-letter.table=parked", "boxoffice.dead-letter.max-sequences=10",
                "boxoffice.dead-letter.claim-duration=45s",
                "boxoffice.dead-letter.groups." + GROUP + ".max-sequence-size=5").run(context -> {
            assertThat(context).hasNotFailed();
            var queue = (DynamoDbSequencedDeadLetterQueue<?>) context.getBean(EventProcessingConfiguration.class)
                    .deadLetterQueue(GROUP).orElseThrow();
            assertThat(queue.table()).isEqualTo(prefix + "parked");
            assertThat(queue.maxSequences()).isEqualTo(10);
            assertThat(queue.maxSequenceSize()).isEqualTo(5);
            assertThat(queue.claimDuration()).isEqualTo(Duration.ofSeconds(45));
        });
    }

    @Test
    void switchedOffTheGroupsErrorsPropagateAsWithoutAQueue() {
        for (String off : new String[]{"boxoffice.dead-letter.enabled=false", "boxoffice.dead-letter.groups." + GROUP + ".enabled=false"}) {
            runner.withPropertyValues(off).run(context -> {
                assertThat(context).hasNotFailed();
                EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
                assertThat(processing.deadLetterQueue(GROUP)).as(off).isEmpty();
                assertThat(processing.listenerInvocationErrorHandler(GROUP)).isInstanceOf(PropagatingErrorHandler.class);
            });
        }
    }

    @Test
    void withoutTheDynamoDbTokenStoreThereAreNoDynamoDbQueues() {
        runner.withUserConfiguration(InMemoryTokens.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(DynamoDbDeadLetterQueues.class).hasSingleBean(DeadLetteringProcessors.class);
            assertThat(context.getBean(EventProcessingConfiguration.class).deadLetterQueue(GROUP)).isEmpty();
        });
    }

    @Test
    void theHealthCountsWhatEachGroupParkedAndStaysUp() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            DeadLettersHealthIndicator indicator = context.getBean("deadLettersHealthIndicator", DeadLettersHealthIndicator.class);
            assertThat(indicator.health().getDetails()).containsEntry("groups", Map.of(GROUP, Map.of("letters", 0L, "sequences", 0L)));

            context.getBean(DynamoDbDeadLetterQueues.class).forGroup(GROUP).enqueue("a-1",
                    new GenericDeadLetter<>("a-1", GenericEventMessage.asEventMessage("poison"), new IllegalStateException("no")));

            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("parked", 1L)
                    .containsEntry("groups", Map.of(GROUP, Map.of("letters", 1L, "sequences", 1L)));
        });
    }

    @Test
    void theHealthContributionHasAnOffSwitch() {
        runner.withPropertyValues("management.health.dead-letters.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(DeadLettersHealthIndicator.class).hasSingleBean(DynamoDbDeadLetterQueues.class);
        });
    }

    @Test
    void theGaugeShowsParkedLettersPerGroup() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(DeadLetterMeters.NAME).tag("group", GROUP).gauge().value()).isZero();

            context.getBean(DynamoDbDeadLetterQueues.class).forGroup(GROUP).enqueue("a-1",
                    new GenericDeadLetter<>("a-1", GenericEventMessage.asEventMessage("poison"), new IllegalStateException("no")));

            assertThat(registry.get(DeadLetterMeters.NAME).tag("group", GROUP).gauge().value()).isEqualTo(1.0);
        });
    }

    @Test
    void theGaugeHasAnOffSwitch() {
        runner.withPropertyValues("boxoffice.dead-letter.metrics.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(DeadLetterMeters.class);
            assertThat(context.getBean(MeterRegistry.class).find(DeadLetterMeters.NAME).gauge()).isNull();
        });
    }
}
