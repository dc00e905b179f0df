package com.boxoffice.ticketing.config;

import com.boxoffice.ticketing.query.ConcertCatalogue;
import com.boxoffice.ticketing.query.ConcertCatalogueProjection;
import com.boxoffice.ticketing.query.ConcertCatalogueQueries;
import com.boxoffice.ticketing.query.ConcertSearch;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The concert's snapshots, the catalogue's projection, its queries, its event processor and its replay endpoint. */
@Configuration(proxyBeanMethods = false)
public class TicketingConfiguration {

    @Bean
    ConcertCatalogueProjection concertCatalogueProjection(ConcertCatalogue catalogue) {
        return new ConcertCatalogueProjection(catalogue);
    }

    @Bean
    ConcertCatalogueQueries concertCatalogueQueries(ConcertCatalogue catalogue, Clock clock) {
        return new ConcertCatalogueQueries(catalogue, new ConcertSearch(catalogue, clock));
    }

    /** Named on {@code @Aggregate} of {@link com.boxoffice.ticketing.domain.Concert}. */
    @Bean
    SnapshotTriggerDefinition concertSnapshotTrigger(Snapshotter snapshotter, TicketingProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotEvery());
    }

    @Bean
    CatalogueReplayEndpoint catalogueReplayEndpoint(EventProcessingConfiguration processing) {
        return new CatalogueReplayEndpoint(processing);
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
