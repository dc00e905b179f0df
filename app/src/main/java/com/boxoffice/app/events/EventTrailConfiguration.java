package com.boxoffice.app.events;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event trail's projection on a pooled streaming processor of its own (errors propagate, so the
 * processor retries an event instead of skipping it; writes are idempotent puts) and the browser. The
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
    ConfigurerModule eventTrailProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(EventTrailProjection.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(EventTrailProjection.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance()));
    }
}
