package com.boxoffice.ticketing.domain;

import com.boxoffice.ticketing.api.CancelConcert;
import com.boxoffice.ticketing.api.ConcertCancelled;
import com.boxoffice.ticketing.api.ConcertCancelledException;
import com.boxoffice.ticketing.api.ConcertScheduled;
import com.boxoffice.ticketing.api.ConfirmReservation;
import com.boxoffice.ticketing.api.InvalidConcertException;
import com.boxoffice.ticketing.api.InvalidReservationException;
import com.boxoffice.ticketing.api.ReleaseReservation;
import com.boxoffice.ticketing.api.Reservation;
import com.boxoffice.ticketing.api.ReservationConfirmed;
import com.boxoffice.ticketing.api.ReservationConfirmedException;
import com.boxoffice.ticketing.api.ReservationMismatchException;
import com.boxoffice.ticketing.api.ReservationReleased;
import com.boxoffice.ticketing.api.ReservationReleasedException;
import com.boxoffice.ticketing.api.ReserveTickets;
import com.boxoffice.ticketing.api.SalesClosedException;
import com.boxoffice.ticketing.api.ScheduleConcert;
import com.boxoffice.ticketing.api.TicketsReserved;
import com.boxoffice.ticketing.api.TicketsSoldOutException;
import com.boxoffice.ticketing.api.UnknownReservationException;
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

class ConcertTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant STARTS_AT = Instant.parse("2026-09-12T19:30:00Z");
    private static final BigDecimal PRICE = new BigDecimal("45.00");

    private final UUID concertId = UUID.randomUUID();
    private final UUID order = UUID.randomUUID();
    private final UUID otherOrder = UUID.randomUUID();
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
    class Reserving {

        @Test
        void reservesAndAnswersWithTheReservation() {
            fixture.given(scheduled(10))
                    .when(new ReserveTickets(concertId, order, 3))
                    .expectEvents(new TicketsReserved(concertId, order, 3, PRICE))
                    .expectResultMessagePayload(new Reservation(concertId, order, 3, PRICE));
        }

        @Test
        void reservesTheLastTickets() {
            fixture.given(scheduled(10), new TicketsReserved(concertId, otherOrder, 7, PRICE))
                    .when(new ReserveTickets(concertId, order, 3))
                    .expectEvents(new TicketsReserved(concertId, order, 3, PRICE));
        }

        @Test
        void refusesMoreThanAvailable() {
            fixture.given(scheduled(10), new TicketsReserved(concertId, otherOrder, 8, PRICE))
                    .when(new ReserveTickets(concertId, order, 3))
                    .expectException(TicketsSoldOutException.class)
                    .expectExceptionMessage(containsString("has 2 ticket(s) available, 3 requested"))
                    .expectNoEvents();
        }

        @Test
        void soldTicketsAreNotAvailable() {
            fixture.given(scheduled(4), new TicketsReserved(concertId, otherOrder, 3, PRICE),
                            new ReservationConfirmed(concertId, otherOrder, 3))
                    .when(new ReserveTickets(concertId, order, 2))
                    .expectException(TicketsSoldOutException.class)
                    .expectNoEvents();
        }

        @Test
        void releasedTicketsAreAvailableAgain() {
            fixture.given(scheduled(4), new TicketsReserved(concertId, otherOrder, 3, PRICE),
                            new ReservationReleased(concertId, otherOrder, 3, "order rejected"))
                    .when(new ReserveTickets(concertId, order, 4))
                    .expectEvents(new TicketsReserved(concertId, order, 4, PRICE));
        }

        @Test
        void aRetriedReservationSucceedsAgainWithoutReservingTwice() {
            fixture.given(scheduled(10), new TicketsReserved(concertId, order, 3, PRICE))
                    .when(new ReserveTickets(concertId, order, 3))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new Reservation(concertId, order, 3, PRICE));
        }

        @Test
        void aRetriedReservationSucceedsEvenWhenItsTicketsWouldNoLongerFit() {
            fixture.given(scheduled(3), new TicketsReserved(concertId, order, 3, PRICE))
                    .when(new ReserveTickets(concertId, order, 3))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Reservation(concertId, order, 3, PRICE));
        }

        @Test
        void aRetriedReservationOfAConfirmedOrderAnswersTheSame() {
            fixture.given(scheduled(10), new TicketsReserved(concertId, order, 3, PRICE),
                            new ReservationConfirmed(concertId, order, 3))
                    .when(new ReserveTickets(concertId, order, 3))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Reservation(concertId, order, 3, PRICE));
        }

        @Test
        void refusesAnotherQuantityForAnOrderThatHoldsAReservation() {
            fixture.given(scheduled(10), new TicketsReserved(concertId, order, 3, PRICE))
                    .when(new ReserveTickets(concertId, order, 4))
                    .expectException(ReservationMismatchException.class)
                    .expectExceptionMessage(containsString("already holds 3 ticket(s)"))
                    .expectNoEvents();
        }

        @Test
        void refusesAReservationForAnOrderThatWasReleased() {
            fixture.given(scheduled(10), new TicketsReserved(concertId, order, 3, PRICE),
                            new ReservationReleased(concertId, order, 3, "order rejected"))
                    .when(new ReserveTickets(concertId, order, 3))
                    .expectException(ReservationReleasedException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesALateReservationAfterItsOrderReleasedNothing() {
            fixture.given(scheduled(10), new ReservationReleased(concertId, order, 0, "checkout timed out"))
                    .when(new ReserveTickets(concertId, order, 3))
                    .expectException(ReservationReleasedException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesOnACancelledConcert() {
            fixture.given(scheduled(10), new ConcertCancelled(concertId))
                    .when(new ReserveTickets(concertId, order, 1))
                    .expectException(ConcertCancelledException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesOnceTheConcertHasStarted() {
            fixture.given(new ConcertScheduled(concertId, "Nils Frahm", "Elbphilharmonie", NOW.minus(Duration.ofHours(1)), 10, PRICE))
                    .when(new ReserveTickets(concertId, order, 1))
                    .expectException(SalesClosedException.class)
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -2})
        void refusesAQuantityBelowOne(int quantity) {
            fixture.given(scheduled(10))
                    .when(new ReserveTickets(concertId, order, quantity))
                    .expectException(InvalidReservationException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAReservationWithoutOrder() {
            fixture.given(scheduled(10))
                    .when(new ReserveTickets(concertId, null, 1))
                    .expectException(InvalidReservationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Confirming {

        @Test
        void confirmsAHeldReservation() {
            fixture.given(scheduled(10), new TicketsReserved(concertId, order, 3, PRICE))
                    .when(new ConfirmReservation(concertId, order))
                    .expectEvents(new ReservationConfirmed(concertId, order, 3));
        }

        @Test
        void confirmingTwiceIsANoOp() {
            fixture.given(scheduled(10), new TicketsReserved(concertId, order, 3, PRICE),
                            new ReservationConfirmed(concertId, order, 3))
                    .when(new ConfirmReservation(concertId, order))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownOrder() {
            fixture.given(scheduled(10), new TicketsReserved(concertId, otherOrder, 3, PRICE))
                    .when(new ConfirmReservation(concertId, order))
                    .expectException(UnknownReservationException.class)
                    .expectExceptionMessage(containsString(order.toString()))
                    .expectNoEvents();
        }

        @Test
        void refusesAReleasedReservation() {
            fixture.given(scheduled(10), new TicketsReserved(concertId, order, 3, PRICE),
                            new ReservationReleased(concertId, order, 3, "order rejected"))
                    .when(new ConfirmReservation(concertId, order))
                    .expectException(ReservationReleasedException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesOnACancelledConcert() {
            fixture.given(scheduled(10), new TicketsReserved(concertId, order, 3, PRICE), new ConcertCancelled(concertId))
                    .when(new ConfirmReservation(concertId, order))
                    .expectException(ConcertCancelledException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Releasing {

        @Test
        void releasesAHeldReservation() {
            fixture.given(scheduled(10), new TicketsReserved(concertId, order, 3, PRICE))
                    .when(new ReleaseReservation(concertId, order, "payment failed"))
                    .expectEvents(new ReservationReleased(concertId, order, 3, "payment failed"));
        }

        @Test
        void releasingTwiceIsANoOp() {
            fixture.given(scheduled(10), new TicketsReserved(concertId, order, 3, PRICE),
                            new ReservationReleased(concertId, order, 3, "payment failed"))
                    .when(new ReleaseReservation(concertId, order, "payment failed"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void releasingAnOrderThatHoldsNothingIsRecordedAsAReleaseOfZero() {
            fixture.given(scheduled(10))
                    .when(new ReleaseReservation(concertId, order, "another line was sold out"))
                    .expectEvents(new ReservationReleased(concertId, order, 0, "another line was sold out"));
        }

        @Test
        void refusesToReleaseSoldTickets() {
            fixture.given(scheduled(10), new TicketsReserved(concertId, order, 3, PRICE),
                            new ReservationConfirmed(concertId, order, 3))
                    .when(new ReleaseReservation(concertId, order, "changed my mind"))
                    .expectException(ReservationConfirmedException.class)
                    .expectNoEvents();
        }

        @Test
        void releasesOnACancelledConcert() {
            fixture.given(scheduled(10), new TicketsReserved(concertId, order, 3, PRICE), new ConcertCancelled(concertId))
                    .when(new ReleaseReservation(concertId, order, "concert cancelled"))
                    .expectEvents(new ReservationReleased(concertId, order, 3, "concert cancelled"));
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
