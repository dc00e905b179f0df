package com.boxoffice.ticketing.api;

import java.time.Instant;

/**
 * Asks the catalogue for concerts, answered with a list of {@link ConcertView} ordered by start time. Every filter is
 * optional (null) and they combine.
 *
 * @param name  a case-insensitive substring of the name
 * @param venue a case-insensitive substring of the venue
 * @param from  concerts starting at or after this instant; when null, "now": the catalogue lists upcoming concerts
 * @param to    concerts starting at or before this instant; when null, no upper bound
 */
public record FindConcerts(String name, String venue, Instant from, Instant to) {

    public static FindConcerts upcoming() {
        return new FindConcerts(null, null, null, null);
    }
}
