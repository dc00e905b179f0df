package com.boxoffice.axon.springboot.eventstore;

import com.boxoffice.axon.springboot.metrics.EventStoreMeters;
import com.boxoffice.axon.springboot.metrics.ProcessorLag;
import com.boxoffice.axon.springboot.metrics.ProcessorLagMeters;
import com.boxoffice.axon.dynamodb.tokenstore.DynamoDbTokenStore;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The event store's meters ({@link EventStoreMeters}, which the engine reports to) and the streaming processors' lag
 * ({@link ProcessorLagMeters}), when Micrometer is on the class path; Spring Boot binds them to its registry.
 * <p>
 * The ordering also repairs Axon's Micrometer auto-configuration on Spring Boot 4: Axon's orders itself after Boot 3's
 * registry auto-configurations, whose classes moved in Boot 4, so it ran before Boot's registries existed and defined a
 * {@code SimpleMeterRegistry} of its own; Boot then wrapped it and the Prometheus registry in a composite, and every
 * meter of the application was kept twice, once where nobody reads it (seen in {@code OperationsMetricsHttpTest}).
 * Ordered between the two, this one puts Boot's registries first, and Axon's backs off.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"},
        beforeName = "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration")
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
public class EventStoreMetricsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventStoreMetricsAutoConfiguration.class);

    /** One read of the partition heads serves all processors' gauges of one scrape. */
    static final Duration HEAD_MAX_AGE = Duration.ofSeconds(1);

    @Bean
    @ConditionalOnMissingBean
    public EventStoreMeters eventStoreMeters() {
        return new EventStoreMeters();
    }

    @Bean
    @ConditionalOnMissingBean
    public ProcessorLag processorLag(ObjectProvider<EventStore> eventStore,
                                     ObjectProvider<EventProcessingConfiguration> processing,
                                     ObjectProvider<TokenStore> tokenStore) {
        return new ProcessorLag(
                () -> Optional.ofNullable(eventStore.getIfAvailable()).map(EventStore::createHeadToken)
                        .map(TrackingToken::position).orElse(OptionalLong.empty()),
                name -> tokenStore.getIfAvailable() instanceof DynamoDbTokenStore stored
                        ? storedPosition(stored, name)
                        : Optional.ofNullable(processing.getIfAvailable())
                                .flatMap(p -> p.eventProcessor(name, StreamingEventProcessor.class))
                                .map(ProcessorLag::lowestPosition).orElse(OptionalLong.empty()),
                HEAD_MAX_AGE, Clock.systemUTC());
    }

    /** One strongly consistent query per processor and scrape; a failed read is an unknown lag, not a failed scrape. */
    private static OptionalLong storedPosition(DynamoDbTokenStore tokenStore, String processorName) {
        try {
            return ProcessorLag.lowestStoredPosition(tokenStore.describe(processorName));
        } catch (RuntimeException e) {
            log.debug("Lag of {} unknown: its tokens could not be read", processorName, e);
            return OptionalLong.empty();
        }
    }

    @Bean
    @ConditionalOnMissingBean
    public ProcessorLagMeters processorLagMeters(ProcessorLag lag) {
        return new ProcessorLagMeters(lag);
    }

    /** Tells the lag meters the streaming processors once Axon has built them. */
    @Bean
    public ConfigurerModule processorLagMetersModule(ProcessorLagMeters meters) {
        return configurer -> configurer.onInitialize(config -> config.onStart(Phase.INBOUND_EVENT_CONNECTORS,
                () -> meters.processorsStarted(config.eventProcessingConfiguration()
                        .eventProcessors().entrySet().stream()
                        .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                        .map(Map.Entry::getKey).sorted().toList())));
    }
}
