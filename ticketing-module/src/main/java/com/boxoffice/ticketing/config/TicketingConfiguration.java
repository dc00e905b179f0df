package com.boxoffice.ticketing.config;

import com.boxoffice.ticketing.query.ConcertCatalogue;
import com.boxoffice.ticketing.query.ConcertCatalogueProjection;
import com.boxoffice.ticketing.query.ConcertCatalogueQueries;
import com.boxoffice.ticketing.query.ConcertSearch;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The concert's snapshots, the catalogue's projection, its queries and its event processor (replayed, like every
 * processor, through the admin API).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TicketingProperties.class)
public class TicketingConfiguration {

    @Bean
    ConcertCatalogueProjection concertCatalogueProjection(ConcertCatalogue catalogue) {
        return new ConcertCatalogueProjection(catalogue);
    }

    @Bean
    ConcertCatalogueQueries concertCatalogueQueries(ConcertCatalogue catalogue, Clock clock) {
        return new ConcertCatalogueQueries(catalogue, new ConcertSearch(catalogue, clock));
    }

    /**
     * Named on {@code @Aggregate} of {@link com.boxoffice.ticketing.domain.Concert}. Axon defines its snapshotter only
     * when there is an event store; without one the concert cannot be event-sourced at all, and Axon says so when it
     * builds the concert's repository, which is the clearer error to see.
     */
    @Bean
    SnapshotTriggerDefinition concertSnapshotTrigger(ObjectProvider<Snapshotter> snapshotter, TicketingProperties properties) {
        return snapshotter.stream().findFirst()
                .<SnapshotTriggerDefinition>map(found -> new EventCountSnapshotTriggerDefinition(found, properties.snapshotEvery()))
                .orElse(NoSnapshotTriggerDefinition.INSTANCE);
    }

    /**
     * A pooled streaming processor, so the catalogue scales out by segments across instances and can be replayed.
     * Handler errors propagate (instead of Axon's default of logging and skipping the event): the processor then
     * retries the batch with back-off, which the catalogue's idempotent writes make safe, and no update is lost to a
     * throttled write.
     */
    @Bean
    ConfigurerModule ticketingCatalogueProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(ConcertCatalogueProjection.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(ConcertCatalogueProjection.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance()));
    }
}
