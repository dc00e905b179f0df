package com.boxoffice.ticketing.it;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The ticketing context alone, as the app assembles it (component scan plus auto-configuration), on Axon's in-memory
 * event storage: this module's tests are about the context, the app's tests run it on the DynamoDB event store.
 */
@SpringBootApplication(scanBasePackages = "com.boxoffice.ticketing")
class TicketingTestApplication {

    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer) {
        return new SerializingSnapshotsEngine(eventSerializer);
    }
}
