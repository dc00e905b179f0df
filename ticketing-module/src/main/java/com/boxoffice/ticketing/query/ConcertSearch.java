package com.boxoffice.ticketing.query;

import com.boxoffice.ticketing.api.ConcertView;
import com.boxoffice.ticketing.api.FindConcerts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Answers {@link FindConcerts}: the date range picks the entries from the store (an indexed read, never a scan), the
 * name and venue filters narrow them down. Without {@code from}, the catalogue lists upcoming concerts (from now on).
 * A range reaching beyond the span the catalogue holds ({@link CatalogueTime}) is cut to it.
 */
public final class ConcertSearch {

    private final ConcertCatalogue catalogue;
    private final Clock clock;

    public ConcertSearch(ConcertCatalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public List<ConcertView> find(FindConcerts query) {
        Instant from = query.from() != null ? query.from() : clock.instant();
        Instant to = query.to();
        if (to != null && to.isBefore(from)
                || from.isAfter(CatalogueTime.LATEST) || to != null && to.isBefore(CatalogueTime.EARLIEST)) {
            return List.of();
        }
        // The catalogue holds no concert outside its span; a query sent around the web edge may reach beyond it.
        from = CatalogueTime.clamp(from);
        to = to == null ? null : CatalogueTime.clamp(to);
        Predicate<ConcertView> matches = contains(ConcertView::name, query.name())
                .and(contains(ConcertView::venue, query.venue()));
        return catalogue.startingBetween(from, to).stream().filter(matches).toList();
    }

    private static Predicate<ConcertView> contains(Function<ConcertView, String> field, String filter) {
        if (filter == null || filter.isBlank()) {
            return concert -> true;
        }
        String wanted = filter.strip().toLowerCase(Locale.ROOT);
        return concert -> field.apply(concert).toLowerCase(Locale.ROOT).contains(wanted);
    }
}
