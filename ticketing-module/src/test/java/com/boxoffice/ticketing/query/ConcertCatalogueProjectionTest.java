package com.boxoffice.ticketing.query;

import com.boxoffice.ticketing.api.ConcertCancelled;
import com.boxoffice.ticketing.api.ConcertScheduled;
import com.boxoffice.ticketing.api.ConcertStatus;
import com.boxoffice.ticketing.api.ConcertView;
import com.boxoffice.ticketing.api.TicketsAllocated;
import com.boxoffice.ticketing.api.TicketsReturned;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcertCatalogueProjectionTest {

    private static final BigDecimal PRICE = new BigDecimal("45.00");
    private static final Instant STARTS_AT = Instant.parse("2026-09-12T19:30:00Z");

    private final InMemoryConcertCatalogue catalogue = new InMemoryConcertCatalogue();
    private final ConcertCatalogueProjection projection = new ConcertCatalogueProjection(catalogue);
    private final UUID concertId = UUID.randomUUID();
    private final UUID order = UUID.randomUUID();
    private final UUID otherOrder = UUID.randomUUID();

    @Test
    void aScheduledConcertIsListedWithEveryTicketAvailable() {
        projection.on(new ConcertScheduled(concertId, "Nils Frahm", "Elbphilharmonie", STARTS_AT, 100, PRICE), 0);

        assertThat(catalogue.find(concertId)).contains(new ConcertView(concertId, "Nils Frahm", "Elbphilharmonie",
                STARTS_AT, 100, 100, PRICE, ConcertStatus.SCHEDULED));
    }

    @Test
    void theConcertsCountsMoveAvailability() {
        projection.on(new ConcertScheduled(concertId, "Nils Frahm", "Elbphilharmonie", STARTS_AT, 100, PRICE), 0);
        projection.on(new TicketsAllocated(concertId, 8, 92, java.util.List.of(order)), 1);
        assertThat(available()).isEqualTo(92);

        projection.on(new TicketsReturned(concertId, 5, 97), 2);
        assertThat(available()).isEqualTo(97);
    }

    /** Only an event stored before the ten-year rule can start so late; it must not hold up its segment. */
    @Test
    void aConcertStartingBeyondYear9999IsLeftOutOfTheCatalogue() {
        for (String startsAt : new String[]{"+10000-06-01T00:00:00Z", "+292278995-01-01T00:00:00Z"}) {
            UUID late = UUID.randomUUID();
            projection.on(new ConcertScheduled(late, "Far Future", "Nowhere", Instant.parse(startsAt), 10, PRICE), 0);
            assertThat(catalogue.find(late)).isEmpty();
        }
        projection.on(new ConcertScheduled(concertId, "Nils Frahm", "Elbphilharmonie", STARTS_AT, 100, PRICE), 0);
        assertThat(catalogue.startingBetween(CatalogueTime.EARLIEST, null)).extracting(ConcertView::concertId)
                .containsExactly(concertId);
    }

    @Test
    void aCancelledConcertShowsItsStatus() {
        projection.on(new ConcertScheduled(concertId, "Nils Frahm", "Elbphilharmonie", STARTS_AT, 100, PRICE), 0);
        projection.on(new ConcertCancelled(concertId), 1);

        assertThat(catalogue.find(concertId)).get().extracting(ConcertView::status).isEqualTo(ConcertStatus.CANCELLED);
    }

    @Test
    void anEventDeliveredTwiceCountsOnce() {
        ConcertScheduled scheduled = new ConcertScheduled(concertId, "Nils Frahm", "Elbphilharmonie", STARTS_AT, 100, PRICE);
        TicketsAllocated reserved = new TicketsAllocated(concertId, 3, 97, java.util.List.of(order));
        projection.on(scheduled, 0);
        projection.on(reserved, 1);

        projection.on(scheduled, 0);
        projection.on(reserved, 1);

        assertThat(available()).isEqualTo(97);
    }

    @Test
    void aResetEmptiesTheCatalogueForTheReplay() {
        projection.on(new ConcertScheduled(concertId, "Nils Frahm", "Elbphilharmonie", STARTS_AT, 100, PRICE), 0);
        projection.on(new TicketsAllocated(concertId, 3, 97, java.util.List.of(order)), 1);

        projection.reset();
        assertThat(catalogue.find(concertId)).isEmpty();

        projection.on(new ConcertScheduled(concertId, "Nils Frahm", "Elbphilharmonie", STARTS_AT, 100, PRICE), 0);
        projection.on(new TicketsAllocated(concertId, 3, 97, java.util.List.of(order)), 1);
        assertThat(available()).isEqualTo(97);
    }

    @Test
    void anEventOfAConcertNeverScheduledIsAnError() {
        assertThatThrownBy(() -> projection.on(new TicketsAllocated(concertId, 3, 97, java.util.List.of(order)), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(concertId.toString());
    }

    private int available() {
        return catalogue.find(concertId).orElseThrow().available();
    }
}
