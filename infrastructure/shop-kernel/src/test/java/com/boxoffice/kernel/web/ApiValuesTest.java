package com.boxoffice.kernel.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiValuesTest {

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    @Test
    void anIsoInstantHasAFourDigitYearAndAnOffset() {
        assertThat(ApiValues.isoInstant("2026-12-01T20:00:00Z")).isEqualTo(Instant.parse("2026-12-01T20:00:00Z"));
        assertThat(ApiValues.isoInstant("2026-12-01T21:00:00.5+01:00")).isEqualTo(Instant.parse("2026-12-01T20:00:00.5Z"));
        assertThat(ApiValues.isoInstant("2026-12-01T20:00Z")).isEqualTo(Instant.parse("2026-12-01T20:00:00Z"));
        for (String text : new String[]{"+10000-06-01T00:00:00Z", "10000-06-01T00:00:00Z", "2026-12-01T20:00:00",
                "2026-02-30T00:00:00Z", "2026-12-01", "4102444800000", " 2026-12-01T20:00:00Z", "2026-12-01T20:00:00+25:00"}) {
            assertThat(ApiValues.isoInstant(text)).as(text).isNull();
        }
    }

    @Test
    void aDateMeansTheStartOrTheEndOfItsDay() {
        assertThat(ApiValues.instantOrDate("from", "2026-12-01", false, EARLIEST, LATEST, "x"))
                .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(ApiValues.instantOrDate("to", "2026-12-31", true, EARLIEST, LATEST, "x"))
                .isEqualTo(Instant.parse("2026-12-31T23:59:59.999Z"));
        assertThat(ApiValues.instantOrDate("to", " ", true, EARLIEST, LATEST, "x")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1000000000-01-01T00:00:00Z", "1969-12-31", "99999-01-01", "2026-13-01", "yesterday"})
    void anInstantOutOfBoundsOrFormIsRefusedInTheApisWords(String value) {
        assertThatThrownBy(() -> ApiValues.instantOrDate("from", value, false, EARLIEST, LATEST, "a date"))
                .isInstanceOf(InvalidInputException.class).hasMessage("'from' must be a date")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("from");
    }

    @Test
    void aDurationIsBounded() {
        assertThat(ApiValues.duration("age", "P14D", Duration.ofDays(3650), "x")).isEqualTo(Duration.ofDays(14));
        assertThat(ApiValues.duration("age", "pt36h", Duration.ofDays(3650), "x")).isEqualTo(Duration.ofHours(36));
        assertThat(ApiValues.duration("age", "PT0S", Duration.ofDays(3650), "x")).isZero();
        for (String value : new String[]{"P400000000000D", "PT99999999999999999999H", "P3651D", "-P1D", "PT-1H", "P1W", "", "P"}) {
            assertThatThrownBy(() -> ApiValues.duration("age", value, Duration.ofDays(3650), "short"))
                    .as(value).isInstanceOf(InvalidInputException.class).hasMessage("'age' must be short");
        }
    }

    @Test
    void aWholeNumberIsBounded() {
        assertThat(ApiValues.wholeNumber("limit", null, 1, 1000, 100)).isEqualTo(100);
        assertThat(ApiValues.wholeNumber("limit", "1000", 1, 1000, 100)).isEqualTo(1000);
        for (String value : new String[]{"0", "1001", "99999999999", "1.5", "x", "1e3"}) {
            assertThatThrownBy(() -> ApiValues.wholeNumber("limit", value, 1, 1000, 100)).as(value)
                    .hasMessage("'limit' must be a whole number from 1 to 1000");
        }
    }

    @Test
    void aFilterTextIsShortAndPrintable() {
        assertThat(ApiValues.optionalText("name", "  ", 10)).isNull();
        assertThat(ApiValues.optionalText("name", "Frahm", 10)).isEqualTo("Frahm");
        assertThatThrownBy(() -> ApiValues.optionalText("name", "x".repeat(11), 10)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ApiValues.optionalText("name", "a\u0000b", 10)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anIdThatIsNoCanonicalUuidIsUnknownWithoutBeingEchoed() {
        assertThatThrownBy(() -> UnknownResourceException.parseId("cart", "1-1-1-1-1"))
                .isInstanceOf(UnknownResourceException.class).hasMessage("No cart with that id: cart ids are UUIDs");
        assertThat(UnknownResourceException.parseId("cart", "3f0c2a4e-8a51-4c3e-9d0b-1a2b3c4d5e6f")).hasToString(
                "3f0c2a4e-8a51-4c3e-9d0b-1a2b3c4d5e6f");
    }
}
