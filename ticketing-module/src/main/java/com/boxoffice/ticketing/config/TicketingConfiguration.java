package com.boxoffice.ticketing.config;

import com.boxoffice.axon.springboot.deadletter.DeadLetteringProcessors;
import com.boxoffice.ticketing.query.ConcertCatalogue;
import com.boxoffice.ticketing.query.ConcertCatalogueProjection;
import com.boxoffice.ticketing.query.ConcertCatalogueQueries;
import com.boxoffice.ticketing.query.ConcertSearch;
import com.boxoffice.ticketing.domain.Concert;
import com.boxoffice.ticketing.domain.ReservationBatches;
import com.boxoffice.ticketing.domain.ReservationDesk;
import com.boxoffice.ticketing.domain.TicketHold;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
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
 * The reservation desk, the concert's cache and snapshots, the catalogue's projection, its queries and its event processor (replayed, like every
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
     * Named on {@code @Aggregate} of {@link Concert}: the concert stays in memory between the batches of the
     * {@link ReservationDesk}, so a hot concert is not sourced again for every batch. Entries go when memory is short, a
     * unit of work that fails evicts its concert (another instance may have moved it on), and the desk decides a
     * refusal for want of tickets only on a fresh load.
     */
    @Bean
    Cache concertCache() {
        return new WeakReferenceCache();
    }

    @Bean
    ReservationBatches reservationBatches(org.axonframework.config.Configuration axon, Cache concertCache, Clock clock,
                                          TicketingProperties properties) {
        return new ReservationBatches(() -> axon.repository(Concert.class), () -> axon.repository(TicketHold.class),
                axon::eventStore, concertCache, clock, properties.reservations().maxAttempts());
    }

    /** Closed with the context: requests still queued are failed rather than left waiting. */
    @Bean
    ReservationDesk reservationDesk(ReservationBatches batches, TicketingProperties properties) {
        return new ReservationDesk(batches, properties.reservations().maxBatch(), properties.reservations().answerTimeout());
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
