package com.boxoffice.axon.springboot.kinesis;

import com.boxoffice.axon.kinesis.KinesisPublisher;
import com.boxoffice.axon.kinesis.PublishLag;
import com.boxoffice.axon.kinesis.PublishingFixture;
import com.boxoffice.axon.kinesis.SeatReserved;

import com.boxoffice.axon.springboot.kinesis.KinesisAutoConfiguration;
import com.boxoffice.axon.springboot.testing.AxonContextRunners;
import com.boxoffice.testing.KinesisEmulator;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The auto-configuration in a Spring Boot application with Axon: off by default, publishing when enabled. */
class KinesisAutoConfigurationTest {

    private final ApplicationContextRunner runner = AxonContextRunners.axon(KinesisAutoConfiguration.class)
            .withUserConfiguration(InMemoryAxon.class);

    @Configuration(proxyBeanMethods = false)
    static class InMemoryAxon {
        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }

        @Bean
        TokenStore tokenStore() {
            return new InMemoryTokenStore();
        }
    }

    @Test
    void offUnlessEnabled() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(KinesisPublisher.class);
            assertThat(context).doesNotHaveBean(KinesisClient.class);
        });
    }

    @Test
    void publishesEveryEventOfTheEventStoreInItsOwnPooledProcessor() throws Exception {
        String stream = KinesisEmulator.uniqueStreamName();
        runner.withPropertyValues("boxoffice.kinesis.enabled=true",
                        "boxoffice.kinesis.endpoint=" + KinesisEmulator.endpoint(),
                        "boxoffice.kinesis.stream-name=" + stream,
                        "boxoffice.kinesis.health.probe-interval=0s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(KinesisConnection.class).mode()).isEqualTo(KinesisMode.ENDPOINT);
                    KinesisHealthIndicator health = context.getBean(KinesisHealthIndicator.class);
                    // Nothing published yet: the stream is made ready in the background at start-up, so health
                    // tells that Kinesis works before the first event.
                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                            assertThat(health.health(true).getStatus()).isEqualTo(Status.UP));
                    assertThat(health.health(true).getDetails()).containsEntry("publishedRecords", 0L);
                    assertThat(context.getBean(EventProcessingConfiguration.class)
                            .eventProcessor(KinesisPublisher.PROCESSING_GROUP))
                            .get().isInstanceOf(PooledStreamingEventProcessor.class);

                    EventStore eventStore = context.getBean(EventStore.class);
                    eventStore.publish(new GenericDomainEventMessage<>("Concert", "concert-1", 0,
                            new SeatReserved("concert-1", 1, "ann")));

                    try (KinesisClient reader = KinesisEmulator.newClient()) {
                        List<TrackedEventMessage<?>> read = PublishingFixture.readAll(reader, stream, 1,
                                Duration.ofSeconds(60));
                        assertThat(read.stream().map(e -> (Object) e.getPayload()).toList())
                                .containsExactly(new SeatReserved("concert-1", 1, "ann"));
                    }
                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                            assertThat(health.health(true).getStatus()).isEqualTo(Status.UP));
                    // The record is on the stream before the publisher commits its token (and before its other
                    // segment has passed the event), so the lag reaches 0 a moment after the read, not at it.
                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                            assertThat(context.getBean(PublishLag.class).eventsBehind()).hasValue(0));
                });
    }

    @Test
    void theApplicationStartsWhenTheEmulatorCannotRun() {
        runner.withPropertyValues("boxoffice.kinesis.enabled=true", "boxoffice.kinesis.mode=EMULATOR",
                        "boxoffice.kinesis.emulator.dir=/nonexistent/kinesis-emulator",
                        "boxoffice.kinesis.health.probe-interval=0s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    KinesisConnection connection = context.getBean(KinesisConnection.class);
                    assertThat(connection.emulator()).get().satisfies(emulator -> {
                        assertThat(emulator.running()).isFalse();
                        assertThat(emulator.problem()).get().asString()
                                .contains("kinesis-local is not installed", "boxoffice.kinesis.emulator.dir")
                                .as("health shows it: no path of this machine").doesNotContain("/nonexistent");
                    });
                    var health = context.getBean(KinesisHealthIndicator.class).health(true);
                    assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
                    assertThat(health.getDetails()).containsKey("error");
                });
    }
}
