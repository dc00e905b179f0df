package com.boxoffice.kernel.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The shop's parsing of what clients send, strict and bounded, refusing with {@link InvalidInputException} in the
 * API's words (never a parser's). Shared by every context's web edge; the bounds of each field are the context's.
 */
public final class ApiValues {

    /** The canonical text of a UUID: 8-4-4-4-12 hex digits ({@link java.util.UUID#fromString} takes shorter ones too). */
    static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * An ISO-8601 date-time with a four-digit year and an offset ({@code Z} or {@code +02:00}): no sign, no year
     * 10000 or beyond, no local time. {@link Instant#parse} takes {@code +10000-06-01T00:00:00Z} and much more.
     */
    private static final Pattern INSTANT_TEXT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** ISO-8601 durations of days, hours, minutes and seconds; at most 12 digits a part (the bound comes after). */
    private static final Pattern DURATION_TEXT = Pattern.compile(
            "P(?=\\d|T\\d)(\\d{1,12}D)?(T(?=\\d)(\\d{1,12}H)?(\\d{1,12}M)?(\\d{1,12}(\\.\\d{1,9})?S)?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,10}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private ApiValues() {
    }

    /**
     * An instant as ISO-8601 text with a four-digit year and an offset, or {@code null} when it is not one. Any such
     * instant lies between years 0000 and 9999, where every conversion (epoch millis, year-month) is safe.
     */
    public static Instant isoInstant(String text) {
        if (text == null || !INSTANT_TEXT.matcher(text).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A query parameter holding an instant ({@code 2026-12-01T20:00:00Z}) or a UTC date ({@code 2026-12-01}), within
     * {@code [earliest, latest]}. A date means the start of that day, or with {@code endOfDay} its last millisecond.
     *
     * @param mustBe completes "'parameter' must be …" when the value is refused
     * @return the instant, or {@code null} when the parameter is absent or blank
     */
    public static Instant instantOrDate(String parameter, String value, boolean endOfDay, Instant earliest,
                                        Instant latest, String mustBe) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        Instant instant = null;
        if (DATE_TEXT.matcher(text).matches()) {
            try {
                LocalDate date = LocalDate.parse(text);
                instant = endOfDay
                        ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException e) {
                instant = null;
            }
        } else {
            instant = isoInstant(text);
        }
        if (instant == null || instant.isBefore(earliest) || instant.isAfter(latest)) {
            throw InvalidInputException.mustBe(parameter, mustBe);
        }
        return instant;
    }

    /**
     * A query parameter holding an ISO-8601 duration of days to seconds ({@code P14D}, {@code PT36H}) from zero to
     * {@code max}.
     */
    public static Duration duration(String parameter, String value, Duration max, String mustBe) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.mustBe(parameter, mustBe);
        }
        String text = value.strip();
        Duration duration;
        try {
            duration = DURATION_TEXT.matcher(text).matches() ? Duration.parse(text) : null;
        } catch (DateTimeParseException | ArithmeticException e) {
            duration = null;
        }
        if (duration == null || duration.isNegative() || duration.compareTo(max) > 0) {
            throw InvalidInputException.mustBe(parameter, mustBe);
        }
        return duration;
    }

    /** A query parameter holding a whole number within {@code [min, max]}; {@code defaultValue} when absent. */
    public static int wholeNumber(String parameter, String value, int min, int max, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        String text = value.strip();
        if (WHOLE_NUMBER.matcher(text).matches()) {
            long number = Long.parseLong(text);
            if (number >= min && number <= max) {
                return (int) number;
            }
        }
        throw InvalidInputException.mustBe(parameter, "a whole number from " + min + " to " + max);
    }

    /** An optional text query parameter (a search filter): at most {@code maxLength} characters, no control characters. */
    public static String optionalText(String parameter, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength || CONTROL.matcher(value).find()) {
            throw InvalidInputException.mustBe(parameter, "a text of at most " + maxLength
                    + " characters without control characters");
        }
        return value;
    }
}
