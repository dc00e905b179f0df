package com.boxoffice.axon.springboot.kinesis;

import com.boxoffice.axon.kinesis.CloudEventSourceResolver;
import com.boxoffice.axon.kinesis.PackageCloudEventSources;
import com.boxoffice.axon.kinesis.CloudEventsMapper;
import com.boxoffice.axon.springboot.kinesis.KinesisConnection;
import com.boxoffice.axon.springboot.kinesis.KinesisHealthIndicator;
import com.boxoffice.axon.springboot.kinesis.KinesisProperties;
import com.boxoffice.axon.springboot.kinesis.KinesisPublishMetrics;
import com.boxoffice.axon.kinesis.KinesisPublisher;
import com.boxoffice.axon.kinesis.KinesisPublisherProcessor;
import com.boxoffice.axon.kinesis.KinesisStreamProvisioner;
import com.boxoffice.axon.kinesis.OrderedPutRecords;
import com.boxoffice.axon.kinesis.PublishLag;
import com.boxoffice.axon.kinesis.PublishStatus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Publishes every event to the all-events Kinesis stream (see {@link KinesisPublisher}) when
 * {@code boxoffice.kinesis.enabled=true}: the client (emulator child process by default on a machine without AWS
 * credentials, an endpoint or AWS when configured, see {@link KinesisProperties}), stream creation, the publisher in
 * its pooled streaming processor {@value KinesisPublisher#PROCESSING_GROUP} (token in the application's token
 * store), its lag meters and the {@code kinesis} health indicator.
 * <p>
 * An emulator that cannot run (Node.js is not on the PATH) does not stop the application: the shop takes commands,
 * the emulator logs one warning at start-up naming what to install, nothing else here logs that reason again, and the
 * {@code kinesis} health reports the unreachable status with the reason as its {@code emulator} detail. Events wait
 * in the event store; the publisher sends them once Kinesis answers at the endpoint.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "boxoffice.kinesis", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(KinesisProperties.class)
public class KinesisAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KinesisAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public KinesisConnection kinesisConnection(KinesisProperties properties) {
        return KinesisConnection.open(properties);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public KinesisClient kinesisClient(KinesisConnection connection) {
        return connection.newClient();
    }

    @Bean
    @ConditionalOnMissingBean
    public KinesisStreamProvisioner kinesisStreamProvisioner(KinesisClient client, KinesisConnection connection,
                                                             KinesisProperties properties) {
        // Never on the start-up path: an unreachable Kinesis must not stop the application from starting.
        return new KinesisStreamProvisioner(client, properties.streamName(),
                properties.createStream(connection.mode()), properties.shardCount());
    }

    /**
     * Makes the stream ready in the background right after start-up, so that health reports it before the first event
     * is published. If Kinesis cannot be reached now, the publisher tries again with its first records.
     */
    @Bean
    public SmartInitializingSingleton kinesisStreamAtStartup(KinesisStreamProvisioner stream) {
        return () -> {
            Thread provisioning = new Thread(() -> {
                try {
                    stream.ensureActive();
                } catch (RuntimeException e) {
                    log.info("Kinesis stream {} not ready at start-up ({}); the publisher retries", stream.streamName(),
                            e.toString());
                }
            }, "kinesis-stream-at-startup");
            provisioning.setDaemon(true);
            provisioning.start();
        };
    }

    @Bean
    @ConditionalOnMissingBean
    public CloudEventSourceResolver cloudEventSourceResolver(KinesisProperties properties) {
        KinesisProperties.Source source = properties.source();
        PackageCloudEventSources.Builder builder = PackageCloudEventSources.builder().fallback(source.fallback());
        if (source.contexts() != null) {
            builder.prefixes(source.contexts());
        }
        if (source.basePackage() != null && !source.basePackage().isBlank()) {
            builder.contextsUnder(source.basePackage(), source.fallback());
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    public CloudEventsMapper cloudEventsMapper(ObjectProvider<JsonMapper> jsonMapper, CloudEventSourceResolver sources) {
        JsonMapper json = jsonMapper.getIfAvailable(() -> JsonMapper.builder().findAndAddModules().build());
        return new CloudEventsMapper(json, sources);
    }

    @Bean
    @ConditionalOnMissingBean
    public PublishStatus kinesisPublishStatus() {
        return new PublishStatus();
    }

    @Bean
    @ConditionalOnMissingBean
    public KinesisPublisher kinesisPublisher(KinesisClient client, KinesisStreamProvisioner stream,
                                             CloudEventsMapper mapper, PublishStatus status,
                                             KinesisProperties properties) {
        KinesisProperties.Publisher settings = properties.publisher();
        return KinesisPublisher.builder()
                .mapper(mapper)
                .putRecords(OrderedPutRecords.builder()
                        .client(client)
                        .stream(stream)
                        .ordering(settings.ordering())
                        .maxRetryDuration(settings.maxRetryDuration())
                        .status(status)
                        .build())
                .status(status)
                .build();
    }

    /** The publisher's processing group as a pooled streaming processor; Spring registers the handler bean itself. */
    @Bean
    public ConfigurerModule kinesisPublisherProcessorModule(KinesisProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> KinesisPublisherProcessor.configure(processing,
                properties.publisher().batchSize(), properties.publisher().segments()));
    }

    @Bean
    @ConditionalOnMissingBean
    public PublishLag kinesisPublishLag(ObjectProvider<EventStore> eventStore,
                                        ObjectProvider<EventProcessingConfiguration> processing, PublishStatus status) {
        return new PublishLag(
                () -> Optional.ofNullable(eventStore.getIfAvailable()).map(EventStore::createHeadToken)
                        .map(TrackingToken::position).orElse(OptionalLong.empty()),
                () -> Optional.ofNullable(processing.getIfAvailable())
                        .flatMap(p -> p.eventProcessor(KinesisPublisher.PROCESSING_GROUP, StreamingEventProcessor.class))
                        .map(p -> p.processingStatus().values().stream()
                                .map(EventTrackerStatus::getCurrentPosition)
                                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min())
                        .orElse(OptionalLong.empty()),
                status);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        KinesisPublishMetrics kinesisPublishMetrics(KinesisProperties properties, PublishLag lag, PublishStatus status) {
            return new KinesisPublishMetrics(properties.streamName(), lag, status);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class HealthCheck {

        @Bean
        @ConditionalOnMissingBean(name = "kinesisHealthIndicator")
        KinesisHealthIndicator kinesisHealthIndicator(KinesisClient client, KinesisConnection connection,
                                                      KinesisProperties properties, PublishStatus status,
                                                      PublishLag lag) {
            // An emulator that could not be started (no Node.js) is the reason Kinesis is unreachable: health says so.
            return new KinesisHealthIndicator(client, properties.streamName(), status, lag,
                    new Status(properties.health().unreachableStatus()), properties.health().probeInterval(),
                    connection::emulatorProblem);
        }
    }
}
