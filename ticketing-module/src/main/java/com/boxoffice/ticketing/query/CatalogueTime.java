package com.boxoffice.ticketing.query;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The span of time the catalogue holds, and its time conversions made safe for any {@link Instant}.
 * <p>
 * The catalogue indexes concerts by start month ({@code 2026-12}) and epoch milliseconds. Both break outside four-digit
 * years: {@link YearMonth#toString()} writes year 10000 as {@code 10000-06}, without the sign that
 * {@link YearMonth#parse} requires for it, and {@link Instant#toEpochMilli()} overflows beyond year 292278994. Concerts
 * are scheduled at most ten years ahead (see {@code ConcertStart}), but events stored before that rule may start at any
 * instant: the catalogue holds years 0000 to 9999 ({@link #EARLIEST} to {@link #LATEST}) and leaves out the rest.
 */
public final class CatalogueTime {

    public static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static final Instant FIRST_DATED = LocalDateTime.MIN.toInstant(ZoneOffset.UTC);
    private static final Instant LAST_DATED = LocalDateTime.MAX.toInstant(ZoneOffset.UTC);

    /** A month key as any version wrote it: four-digit years, or longer ones with or without their sign. */
    private static final Pattern MONTH_KEY = Pattern.compile("([+-]?)(\\d{4,10})-(\\d{2})");

    private CatalogueTime() {
    }

    /** Whether the catalogue holds a concert starting then. */
    public static boolean holds(Instant startsAt) {
        return startsAt != null && !startsAt.isBefore(EARLIEST) && !startsAt.isAfter(LATEST);
    }

    /** The instant moved into the span the catalogue holds. */
    public static Instant clamp(Instant instant) {
        return instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
    }

    /**
     * The month key of an instant: {@code yyyy-MM}, with a sign beyond four digits ({@code +10000-06}) so that
     * {@link #month(String)} and {@link YearMonth#parse} read it back. Within the span held it is YearMonth's own text.
     */
    public static String monthKey(Instant instant) {
        // Instant reaches a year further than LocalDateTime: its very ends have no date, so they take the last month.
        YearMonth month = instant.isAfter(LAST_DATED) ? YearMonth.of(Year.MAX_VALUE, 12)
                : instant.isBefore(FIRST_DATED) ? YearMonth.of(Year.MIN_VALUE, 1)
                : YearMonth.from(instant.atZone(ZoneOffset.UTC));
        String text = month.toString();
        return month.getYear() > 9999 ? "+" + text : text;
    }

    /**
     * A stored month key read back, also one written without the sign of a year beyond 9999 ({@code 10000-06}, as
     * {@link YearMonth#toString()} writes it); empty for anything else, which a reader skips rather than fails on.
     */
    public static Optional<YearMonth> month(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher matcher = MONTH_KEY.matcher(key);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            long year = Long.parseLong(matcher.group(2)) * ("-".equals(matcher.group(1)) ? -1 : 1);
            int monthOfYear = Integer.parseInt(matcher.group(3));
            if (year < -999_999_999 || year > 999_999_999) {
                return Optional.empty();
            }
            return Optional.of(YearMonth.of((int) year, monthOfYear));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Epoch milliseconds, saturated at {@link Long#MIN_VALUE}/{@link Long#MAX_VALUE} instead of overflowing. */
    public static long epochMilli(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException overflow) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
