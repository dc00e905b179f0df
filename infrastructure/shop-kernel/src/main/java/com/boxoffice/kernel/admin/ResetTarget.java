package com.boxoffice.kernel.admin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Where a reset puts a processor's tokens: the start of the stream ({@code TAIL}, a full replay), the end ({@code
 * HEAD}, skip everything stored so far) or the position at a point in time (replay what was stored since then).
 */
public sealed interface ResetTarget {

    String EXPECTED = "'TAIL', 'HEAD' or an ISO-8601 instant such as 2026-11-30T10:00:00Z";

    record Tail() implements ResetTarget {
        @Override
        public String toString() {
            return "TAIL";
        }
    }

    record Head() implements ResetTarget {
        @Override
        public String toString() {
            return "HEAD";
        }
    }

    record At(Instant instant) implements ResetTarget {
        @Override
        public String toString() {
            return instant.toString();
        }
    }

    /**
     * Reads the {@code to} of a reset request. A time after {@code now} is refused: it can only be a typo, and the
     * store would answer it with the head, silently skipping events.
     */
    static ResetTarget parse(String to, Instant now) {
        if (to == null || to.isBlank()) {
            throw new InvalidResetTargetException("'to' is required: " + EXPECTED);
        }
        String value = to.strip();
        switch (value.toUpperCase(Locale.ROOT)) {
            case "TAIL":
                return new Tail();
            case "HEAD":
                return new Head();
            default:
                break;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidResetTargetException("'to' is " + quoted(value) + ", expected " + EXPECTED
                    + " (with an offset or Z)");
        }
        if (instant.isAfter(now)) {
            throw new InvalidResetTargetException("'to' is " + instant + ", which is in the future (now is " + now
                    + "); use HEAD to skip to the end of the stream");
        }
        return new At(instant);
    }

    private static String quoted(String value) {
        return "'" + (value.length() > 60 ? value.substring(0, 60) + "..." : value) + "'";
    }
}
