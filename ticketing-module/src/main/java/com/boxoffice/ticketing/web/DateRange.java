package com.boxoffice.ticketing.web;

import com.boxoffice.kernel.web.ApiValues;
import com.boxoffice.kernel.web.InvalidInputException;

import java.time.Instant;

/**
 * The {@code from}/{@code to} query parameters: an ISO-8601 instant ({@code 2026-12-01T20:00:00Z}) or a UTC date
 * ({@code 2026-12-01}), between {@value #EARLIEST_TEXT} and {@value #LATEST_TEXT}. A date {@code from} means the start
 * of that day, a date {@code to} the end of it, so that {@code from=2026-12-01&to=2026-12-31} is all of December.
 */
record DateRange(Instant from, Instant to) {

    static final String EARLIEST_TEXT = "1970-01-01";
    static final String LATEST_TEXT = "9999-12-31";
    static final Instant EARLIEST = Instant.parse(EARLIEST_TEXT + "T00:00:00Z");
    static final Instant LATEST = Instant.parse(LATEST_TEXT + "T23:59:59.999999999Z");
    static final String RULE = "an ISO-8601 instant such as 2026-12-01T20:00:00Z or a date such as 2026-12-01, from "
            + EARLIEST_TEXT + " to " + LATEST_TEXT;

    static DateRange parse(String from, String to) {
        Instant start = ApiValues.instantOrDate("from", from, false, EARLIEST, LATEST, RULE);
        Instant end = ApiValues.instantOrDate("to", to, true, EARLIEST, LATEST, RULE);
        if (start != null && end != null && end.isBefore(start)) {
            throw new InvalidInputException("to", "'to' must not be before 'from'");
        }
        return new DateRange(start, end);
    }
}
