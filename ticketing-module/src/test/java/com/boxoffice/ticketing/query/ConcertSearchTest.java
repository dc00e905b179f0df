package com.boxoffice.ticketing.query;

import com.boxoffice.ticketing.api.ConcertStatus;
import com.boxoffice.ticketing.api.ConcertView;
import com.boxoffice.ticketing.api.FindConcerts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class ConcertSearchTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    private final InMemoryConcertCatalogue catalogue = new InMemoryConcertCatalogue();
    private final ConcertSearch search = new ConcertSearch(catalogue, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void fill() {
        add("Past Gig", "Old Hall", "2026-05-30T20:00:00Z");
        add("Nils Frahm", "Elbphilharmonie", "2026-06-10T19:30:00Z");
        add("Hania Rani", "Elbphilharmonie Kleiner Saal", "2026-07-02T20:00:00Z");
        add("NILS frahm encore", "Philharmonie Berlin", "2026-08-15T20:00:00Z");
    }

    @Test
    void withoutARangeListsUpcomingConcertsByStartTime() {
        assertThat(search.find(FindConcerts.upcoming())).extracting(ConcertView::name)
                .containsExactly("Nils Frahm", "Hania Rani", "NILS frahm encore");
    }

    @Test
    void nameMatchesACaseInsensitiveSubstring() {
        assertThat(search.find(new FindConcerts("  nils FRAHM ", null, null, null))).extracting(ConcertView::name)
                .containsExactly("Nils Frahm", "NILS frahm encore");
    }

    @Test
    void filtersCombine() {
        assertThat(search.find(new FindConcerts("frahm", "elbphil", null, null))).extracting(ConcertView::name)
                .containsExactly("Nils Frahm");
    }

    @Test
    void aRangeMayReachIntoThePast() {
        assertThat(search.find(new FindConcerts(null, null, Instant.parse("2026-05-01T00:00:00Z"),
                Instant.parse("2026-06-30T23:59:59Z")))).extracting(ConcertView::name)
                .containsExactly("Past Gig", "Nils Frahm");
    }

    @Test
    void toAloneBoundsTheUpcomingConcerts() {
        assertThat(search.find(new FindConcerts(null, null, null, Instant.parse("2026-07-02T20:00:00Z"))))
                .extracting(ConcertView::name).containsExactly("Nils Frahm", "Hania Rani");
    }

    @Test
    void anEmptyRangeFindsNothing() {
        assertThat(search.find(new FindConcerts(null, null, Instant.parse("2026-08-01T00:00:00Z"),
                Instant.parse("2026-07-01T00:00:00Z")))).isEmpty();
    }

    @Test
    void aRangeBeyondWhatTheCatalogueHoldsIsCutToItsSpan() {
        ConcertCatalogue store = spy(catalogue);
        ConcertSearch wide = new ConcertSearch(store, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(wide.find(new FindConcerts(null, null, Instant.MIN, Instant.MAX))).as("past ones too").hasSize(4);
        verify(store).startingBetween(CatalogueTime.EARLIEST, CatalogueTime.LATEST);
        assertThat(wide.find(new FindConcerts(null, null, Instant.parse("+10000-01-01T00:00:00Z"), null))).isEmpty();
        assertThat(wide.find(new FindConcerts(null, null, null, Instant.parse("-0001-12-31T00:00:00Z")))).isEmpty();
        verifyNoMoreInteractions(store);
    }

    @Test
    void blankFiltersAreIgnored() {
        assertThat(search.find(new FindConcerts(" ", "", null, null))).hasSize(3);
    }

    private void add(String name, String venue, String startsAt) {
        catalogue.add(new ConcertView(UUID.randomUUID(), name, venue, Instant.parse(startsAt), 10, 10,
                new BigDecimal("20.00"), ConcertStatus.SCHEDULED), 0);
    }
}
