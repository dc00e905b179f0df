package com.boxoffice.ticketing.config;

import com.boxoffice.axon.springboot.deadletter.DeadLetteringProcessors;
import com.boxoffice.ticketing.query.ConcertCatalogue;
import com.boxoffice.ticketing.query.ConcertCatalogueProjection;
import com.boxoffice.ticketing.query.ConcertCatalogueQueries;
import com.boxoffice.ticketing.query.ConcertSearch;
import org.axonframework.config.ConfigurerModule;
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
     * A pooled streaming processor, so the catalogue scales out by segments across instances and can be replayed, with
     * dead letters: an event the catalogue cannot take (a permanent failure) is parked with the later events of its
     * concert, every other concert's entry stays current, and an operator retries the concert once it is fixed
     * ({@code /api/admin/dead-letters}). Transient failures (a throttled write) make the processor retry the batch with
     * back-off, which the catalogue's idempotent writes make safe, so no update is lost to them.
     */
    @Bean
    ConfigurerModule ticketingCatalogueProcessor(DeadLetteringProcessors processors) {
        return processors.pooled(ConcertCatalogueProjection.PROCESSING_GROUP);
    }
}
