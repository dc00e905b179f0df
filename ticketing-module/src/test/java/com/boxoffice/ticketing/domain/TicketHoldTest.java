package com.boxoffice.ticketing.domain;

import com.boxoffice.ticketing.api.ConfirmReservation;
import com.boxoffice.ticketing.api.ReservationConfirmed;
import com.boxoffice.ticketing.api.ReservationIds;
import com.boxoffice.ticketing.api.ReservationReleased;
import com.boxoffice.ticketing.api.ReservationReleasedException;
import com.boxoffice.ticketing.api.TicketsReserved;
import com.boxoffice.ticketing.api.UnknownReservationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;

/** Confirming is the hold's own command: the concert is not involved. */
class TicketHoldTest {

    private static final BigDecimal PRICE = new BigDecimal("45.00");

    private final UUID concertId = UUID.randomUUID();
    private final UUID order = UUID.randomUUID();
    private AggregateTestFixture<TicketHold> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TicketHold.class);
    }

    private String hold() {
        return ReservationIds.of(concertId, order);
    }

    @Test
    void confirmsAHeldReservation() {
        fixture.given(new TicketsReserved(concertId, order, 3, PRICE))
                .when(new ConfirmReservation(concertId, order))
                .expectEvents(new ReservationConfirmed(concertId, order, 3));
    }

    @Test
    void confirmingTwiceIsANoOp() {
        fixture.given(new TicketsReserved(concertId, order, 3, PRICE), new ReservationConfirmed(concertId, order, 3))
                .when(new ConfirmReservation(concertId, order))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAnOrderThatHoldsNothing() {
        fixture.givenNoPriorActivity()
                .when(new ConfirmReservation(concertId, order))
                .expectException(UnknownReservationException.class)
                .expectExceptionMessage(containsString(order.toString()))
                .expectNoEvents();
    }

    @Test
    void refusesAReleasedReservation() {
        fixture.given(new TicketsReserved(concertId, order, 3, PRICE), new ReservationReleased(concertId, order, 3, "order rejected"))
                .when(new ConfirmReservation(concertId, order))
                .expectException(ReservationReleasedException.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnOrderReleasedBeforeItReserved() {
        fixture.given(new ReservationReleased(concertId, order, 0, "checkout timed out"))
                .when(new ConfirmReservation(concertId, order))
                .expectException(ReservationReleasedException.class)
                .expectNoEvents();
    }

    @Test
    void isAddressedByConcertAndOrder() {
        fixture.given(new TicketsReserved(concertId, order, 1, PRICE))
                .when(new ConfirmReservation(concertId, order))
                .expectSuccessfulHandlerExecution()
                .expectState(state -> org.assertj.core.api.Assertions.assertThat(state.reservation().orderId()).isEqualTo(order));
        org.assertj.core.api.Assertions.assertThat(new ConfirmReservation(concertId, order).reservationId()).isEqualTo(hold());
    }
}
