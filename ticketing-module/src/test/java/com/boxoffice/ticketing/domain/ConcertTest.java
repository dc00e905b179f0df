package com.boxoffice.ticketing.domain;

import com.boxoffice.ticketing.api.CancelConcert;
import com.boxoffice.ticketing.api.ConcertCancelled;
import com.boxoffice.ticketing.api.ConcertScheduled;
import com.boxoffice.ticketing.api.InvalidConcertException;
import com.boxoffice.ticketing.api.ScheduleConcert;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** The concert's own commands; reservations are decided by the desk ({@link ReservationDeskTest}). */
class ConcertTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant STARTS_AT = Instant.parse("2026-09-12T19:30:00Z");
    private static final BigDecimal PRICE = new BigDecimal("45.00");

    private final UUID concertId = UUID.randomUUID();
    private AggregateTestFixture<Concert> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Concert.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private ConcertScheduled scheduled(int capacity) {
        return new ConcertScheduled(concertId, "Nils Frahm", "Elbphilharmonie", STARTS_AT, capacity, PRICE);
    }

    private ScheduleConcert schedule(String name, String venue, Instant startsAt, int capacity, String price) {
        return new ScheduleConcert(concertId, name, venue, startsAt, capacity, price == null ? null : new BigDecimal(price));
    }

    @Nested
    class Scheduling {

        @Test
        void schedulesWithTrimmedTextAndTwoDecimalPrice() {
            fixture.givenNoPriorActivity()
                    .when(schedule("  Nils Frahm ", " Elbphilharmonie", STARTS_AT, 500, "45"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(scheduled(500));
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 100_000})
        void acceptsTheCapacityBounds(int capacity) {
            fixture.givenNoPriorActivity()
                    .when(schedule("Nils Frahm", "Elbphilharmonie", STARTS_AT, capacity, "45.00"))
                    .expectEvents(scheduled(capacity));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 100_001})
        void refusesCapacityOutOfBounds(int capacity) {
            fixture.givenNoPriorActivity()
                    .when(schedule("Nils Frahm", "Elbphilharmonie", STARTS_AT, capacity, "45.00"))
                    .expectException(InvalidConcertException.class)
                    .expectExceptionMessage(allOf(containsString("capacity"), containsString(Integer.toString(capacity))))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void refusesBlankName(String name) {
            fixture.givenNoPriorActivity()
                    .when(schedule(name, "Elbphilharmonie", STARTS_AT, 10, "45.00"))
                    .expectException(InvalidConcertException.class)
                    .expectExceptionMessage(containsString("name must not be blank"))
                    .expectNoEvents();
        }

        @Test
        void refusesMissingVenue() {
            fixture.givenNoPriorActivity()
                    .when(schedule("Nils Frahm", null, STARTS_AT, 10, "45.00"))
                    .expectException(InvalidConcertException.class)
                    .expectExceptionMessage(containsString("venue must not be blank"))
                    .expectNoEvents();
        }

        @Test
        void refusesAStartInThePast() {
            fixture.givenNoPriorActivity()
                    .when(schedule("Nils Frahm", "Elbphilharmonie", NOW.minusSeconds(1), 10, "45.00"))
                    .expectException(InvalidConcertException.class)
                    .expectExceptionMessage(containsString("startsAt must be in the future"))
                    .expectNoEvents();
        }

        @Test
        void refusesAStartRightNow() {
            fixture.givenNoPriorActivity()
                    .when(schedule("Nils Frahm", "Elbphilharmonie", NOW, 10, "45.00"))
                    .expectException(InvalidConcertException.class)
                    .expectNoEvents();
        }

        @Test
        void acceptsAStartOneMillisecondAhead() {
            Instant soon = NOW.plusMillis(1);
            fixture.givenNoPriorActivity()
                    .when(schedule("Nils Frahm", "Elbphilharmonie", soon, 10, "45.00"))
                    .expectEvents(new ConcertScheduled(concertId, "Nils Frahm", "Elbphilharmonie", soon, 10, PRICE));
        }

        @Test
        void acceptsAStartExactlyTenYearsAhead() {
            Instant latest = Instant.parse("2036-06-01T10:00:00Z");
            fixture.givenNoPriorActivity()
                    .when(schedule("Nils Frahm", "Elbphilharmonie", latest, 10, "45.00"))
                    .expectEvents(new ConcertScheduled(concertId, "Nils Frahm", "Elbphilharmonie", latest, 10, PRICE));
        }

        /** Refused by the concert itself, so a command sent around the web edge cannot schedule one either. */
        @ParameterizedTest
        @ValueSource(strings = {"2036-06-01T10:00:00.001Z", "+10000-06-01T00:00:00Z", "+292278995-01-01T00:00:00Z",
                "+1000000000-12-31T23:59:59.999999999Z"})
        void refusesAStartMoreThanTenYearsAhead(String startsAt) {
            fixture.givenNoPriorActivity()
                    .when(schedule("Nils Frahm", "Elbphilharmonie", Instant.parse(startsAt), 10, "45.00"))
                    .expectException(InvalidConcertException.class)
                    .expectExceptionMessage(containsString("startsAt must be at most 10 years ahead"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"10000.01", "1E+2147483647", "1E-2147483647"})
        void refusesAPriceOverTheMaximumOrOfAbsurdScale(String price) {
            fixture.givenNoPriorActivity()
                    .when(schedule("Nils Frahm", "Elbphilharmonie", STARTS_AT, 10, price))
                    .expectException(InvalidConcertException.class)
                    .expectExceptionMessage(containsString("ticketPrice"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.00", "-1.00", "45.001"})
        void refusesAPriceThatIsNotPositiveWithTwoDecimals(String price) {
            fixture.givenNoPriorActivity()
                    .when(schedule("Nils Frahm", "Elbphilharmonie", STARTS_AT, 10, price))
                    .expectException(InvalidConcertException.class)
                    .expectExceptionMessage(containsString("ticketPrice"))
                    .expectNoEvents();
        }

        @Test
        void acceptsTrailingZerosBeyondTwoDecimals() {
            fixture.givenNoPriorActivity()
                    .when(schedule("Nils Frahm", "Elbphilharmonie", STARTS_AT, 10, "45.0000"))
                    .expectEvents(scheduled(10));
        }
    }

    @Nested
    class Cancelling {

        @Test
        void cancels() {
            fixture.given(scheduled(10))
                    .when(new CancelConcert(concertId))
                    .expectEvents(new ConcertCancelled(concertId));
        }

        @Test
        void cancellingTwiceIsANoOp() {
            fixture.given(scheduled(10), new ConcertCancelled(concertId))
                    .when(new CancelConcert(concertId))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }
}
