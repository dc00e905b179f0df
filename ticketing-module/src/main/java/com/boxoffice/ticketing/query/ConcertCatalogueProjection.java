package com.boxoffice.ticketing.query;

import com.boxoffice.ticketing.api.ConcertCancelled;
import com.boxoffice.ticketing.api.ConcertScheduled;
import com.boxoffice.ticketing.api.ConcertStatus;
import com.boxoffice.ticketing.api.ConcertView;
import com.boxoffice.ticketing.api.TicketsAllocated;
import com.boxoffice.ticketing.api.TicketsReturned;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link ConcertCatalogue} in step with the concerts' events. Each handler passes the event's aggregate
 * sequence number along, which makes a second delivery of the same event harmless.
 */
@ProcessingGroup(ConcertCatalogueProjection.PROCESSING_GROUP)
public class ConcertCatalogueProjection {

    public static final String PROCESSING_GROUP = "ticketing-catalogue";

    private static final Logger log = LoggerFactory.getLogger(ConcertCatalogueProjection.class);

    private final ConcertCatalogue catalogue;

    public ConcertCatalogueProjection(ConcertCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * A concert starting outside the span the catalogue holds ({@link CatalogueTime}) is left out, with a warning:
     * only events stored before the ten-year rule can have one, and storing it would break the listing (its month
     * key) or fail for ever (its epoch milliseconds), holding up every event behind it in its segment.
     */
    @EventHandler
    void on(ConcertScheduled event, @SequenceNumber long sequence) {
        if (!CatalogueTime.holds(event.startsAt())) {
            log.warn("Concert {} starts at {}, outside the span the catalogue holds ({} to {}); it is not listed",
                    event.concertId(), event.startsAt(), CatalogueTime.EARLIEST, CatalogueTime.LATEST);
            return;
        }
        catalogue.add(new ConcertView(event.concertId(), event.name(), event.venue(), event.startsAt(),
                event.capacity(), event.capacity(), event.ticketPrice(), ConcertStatus.SCHEDULED), sequence);
    }

    /**
     * The concert's own counts, one event per batch of reservations, in the concert's sequence: what the idempotent
     * update needs. (The reservations' events belong to each order's hold, whose sequence is not the concert's.)
     */
    @EventHandler
    void on(TicketsAllocated event, @SequenceNumber long sequence) {
        catalogue.apply(event.concertId(), sequence, CatalogueChange.allocated(event.tickets()));
    }

    @EventHandler
    void on(TicketsReturned event, @SequenceNumber long sequence) {
        catalogue.apply(event.concertId(), sequence, CatalogueChange.returned(event.tickets()));
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
