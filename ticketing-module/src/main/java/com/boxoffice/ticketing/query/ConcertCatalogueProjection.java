package com.boxoffice.ticketing.query;

import com.boxoffice.ticketing.api.ConcertCancelled;
import com.boxoffice.ticketing.api.ConcertScheduled;
import com.boxoffice.ticketing.api.ConcertStatus;
import com.boxoffice.ticketing.api.ConcertView;
import com.boxoffice.ticketing.api.ReservationConfirmed;
import com.boxoffice.ticketing.api.ReservationReleased;
import com.boxoffice.ticketing.api.TicketsReserved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Keeps the {@link ConcertCatalogue} in step with the concerts' events. Each handler passes the event's aggregate
 * sequence number along, which makes a second delivery of the same event harmless.
 */
@ProcessingGroup(ConcertCatalogueProjection.PROCESSING_GROUP)
public class ConcertCatalogueProjection {

    public static final String PROCESSING_GROUP = "ticketing-catalogue";

    private final ConcertCatalogue catalogue;

    public ConcertCatalogueProjection(ConcertCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @EventHandler
    void on(ConcertScheduled event, @SequenceNumber long sequence) {
        catalogue.add(new ConcertView(event.concertId(), event.name(), event.venue(), event.startsAt(),
                event.capacity(), event.capacity(), event.ticketPrice(), ConcertStatus.SCHEDULED), sequence);
    }

    @EventHandler
    void on(TicketsReserved event, @SequenceNumber long sequence) {
        catalogue.apply(event.concertId(), sequence, CatalogueChange.reserved(event.quantity()));
    }

    @EventHandler
    void on(ReservationConfirmed event, @SequenceNumber long sequence) {
        catalogue.apply(event.concertId(), sequence, CatalogueChange.confirmed(event.quantity()));
    }

    @EventHandler
    void on(ReservationReleased event, @SequenceNumber long sequence) {
        catalogue.apply(event.concertId(), sequence, CatalogueChange.released(event.quantity()));
    }

    @EventHandler
    void on(ConcertCancelled event, @SequenceNumber long sequence) {
        catalogue.apply(event.concertId(), sequence, CatalogueChange.cancelled());
    }

    /** Before a replay: the replay rebuilds every entry from the first event. */
    @ResetHandler
    void reset() {
        catalogue.clear();
    }
}
