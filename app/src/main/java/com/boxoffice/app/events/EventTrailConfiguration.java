package com.boxoffice.app.events;

import com.boxoffice.axon.springboot.deadletter.DeadLetteringProcessors;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event trail's projection on a pooled streaming processor of its own with dead letters (an event it cannot record
 * is parked with the later events of its aggregate, transient failures are retried by the processor; writes are
 * idempotent puts) and the browser. The
 * table is {@link com.boxoffice.app.events.dynamodb.EventTrailDynamoDbConfiguration}'s.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventTrailProperties.class)
public class EventTrailConfiguration {

    @Bean
    EventTrailProjection eventTrailProjection(EventTrail trail, JsonMapper json) {
        return new EventTrailProjection(trail, json);
    }

    @Bean
    EventBrowser eventBrowser(EventStorageEngine storageEngine, EventTrail trail, JsonMapper json) {
        return new EventBrowser(storageEngine, trail, json);
    }

    @Bean
    ConfigurerModule eventTrailProcessor(DeadLetteringProcessors processors) {
        return processors.pooled(EventTrailProjection.PROCESSING_GROUP);
    }
}
