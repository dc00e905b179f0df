package com.boxoffice.ticketing.api;

import java.time.Instant;
import java.time.ZoneOffset;

/** When a concert may start: after the moment it is scheduled, and at most {@value #MAX_YEARS_AHEAD} years ahead. */
public final class ConcertStart {

    public static final int MAX_YEARS_AHEAD = 10;

    /** The rule in the API's words, completing "'startsAt' must be …". */
    public static final String RULE = "an ISO-8601 instant within the next " + MAX_YEARS_AHEAD + " years";

    private ConcertStart() {
    }

    /** The latest start a concert scheduled at {@code now} may have. */
    public static Instant latest(Instant now) {
        return now.atOffset(ZoneOffset.UTC).plusYears(MAX_YEARS_AHEAD).toInstant();
    }

    /** Whether a concert scheduled at {@code now} may start at {@code startsAt}. */
    public static boolean accepts(Instant startsAt, Instant now) {
        return startsAt != null && startsAt.isAfter(now) && !startsAt.isAfter(latest(now));
    }
}
