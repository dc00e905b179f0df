package com.boxoffice.ticketing.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueTimeTest {

    @Test
    void theSpanHeldIsYears0000To9999() {
        assertThat(CatalogueTime.holds(Instant.parse("2026-12-01T20:00:00Z"))).isTrue();
        assertThat(CatalogueTime.holds(CatalogueTime.EARLIEST)).isTrue();
        assertThat(CatalogueTime.holds(CatalogueTime.LATEST)).isTrue();
        assertThat(CatalogueTime.holds(CatalogueTime.LATEST.plusNanos(1))).isFalse();
        assertThat(CatalogueTime.holds(CatalogueTime.EARLIEST.minusNanos(1))).isFalse();
        assertThat(CatalogueTime.holds(Instant.MAX)).isFalse();
        assertThat(CatalogueTime.holds(null)).isFalse();
        assertThat(CatalogueTime.clamp(Instant.MIN)).isEqualTo(CatalogueTime.EARLIEST);
        assertThat(CatalogueTime.clamp(Instant.MAX)).isEqualTo(CatalogueTime.LATEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-01T20:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "+10000-06-01T00:00:00Z", "+292278995-01-01T00:00:00Z", "-0001-03-01T00:00:00Z",
            "+999999000-06-01T00:00:00Z", "-999999000-06-01T00:00:00Z"})
    void everyMonthKeyReadsBackAsItsMonth(String text) {
        Instant instant = Instant.parse(text);
        String key = CatalogueTime.monthKey(instant);
        YearMonth expected = YearMonth.from(instant.atZone(java.time.ZoneOffset.UTC));
        assertThat(CatalogueTime.month(key)).contains(expected);
        if (CatalogueTime.holds(instant)) {
            assertThat(key).as("within the span, YearMonth's own text").isEqualTo(expected.toString());
        }
    }

    @Test
    void theEndsOfInstantWithoutADateTakeTheOutermostMonths() {
        assertThat(CatalogueTime.month(CatalogueTime.monthKey(Instant.MAX))).contains(YearMonth.of(999_999_999, 12));
        assertThat(CatalogueTime.month(CatalogueTime.monthKey(Instant.MIN))).contains(YearMonth.of(-999_999_999, 1));
    }

    @Test
    void aLegacyKeyWithoutTheSignOfAFiveDigitYearIsReadToo() {
        assertThat(CatalogueTime.month("10000-06")).contains(YearMonth.of(10000, 6));
        assertThat(CatalogueTime.month("292278995-01")).contains(YearMonth.of(292278995, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-13", "2026-00", "20261", "#months", "99999999999-01", "2026-1"})
    void anythingElseIsNoMonth(String key) {
        assertThat(CatalogueTime.month(key)).isEmpty();
    }

    @Test
    void epochMillisSaturateInsteadOfOverflowing() {
        assertThat(CatalogueTime.epochMilli(Instant.parse("2026-12-01T20:00:00Z"))).isEqualTo(1796155200000L);
        assertThat(CatalogueTime.epochMilli(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
        assertThat(CatalogueTime.epochMilli(Instant.parse("+292278995-01-01T00:00:00Z"))).isEqualTo(Long.MAX_VALUE);
        assertThat(CatalogueTime.epochMilli(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
    }
}
