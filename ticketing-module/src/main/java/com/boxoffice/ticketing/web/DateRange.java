package com.boxoffice.ticketing.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The {@code from}/{@code to} query parameters: an ISO-8601 instant ({@code 2026-12-01T20:00:00Z}) or a UTC date
 * ({@code 2026-12-01}). A date {@code from} means the start of that day, a date {@code to} the end of it, so that
 * {@code from=2026-12-01&to=2026-12-31} is all of December.
 */
record DateRange(Instant from, Instant to) {

    static DateRange parse(String from, String to) {
        Instant start = from == null || from.isBlank() ? null : parse("from", from.strip(), false);
        Instant end = to == null || to.isBlank() ? null : parse("to", to.strip(), true);
        if (start != null && end != null && end.isBefore(start)) {
            throw new InvalidParameterException("to", "to (" + to + ") is before from (" + from + ")");
        }
        return new DateRange(start, end);
    }

    private static Instant parse(String parameter, String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return endOfDay
                        ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, parameter + " must be an ISO-8601 UTC instant such as "
                    + "2026-12-01T20:00:00Z or a date such as 2026-12-01, was '" + value + "'");
        }
    }
}
