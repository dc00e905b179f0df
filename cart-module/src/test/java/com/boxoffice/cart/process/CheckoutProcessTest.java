package com.boxoffice.cart.process;

import com.boxoffice.cart.api.OrderCancelled;
import com.boxoffice.cart.api.CartCheckedOut;
import com.boxoffice.cart.api.CartLine;
import com.boxoffice.cart.api.ConfirmOrder;
import com.boxoffice.cart.api.OrderNotPendingException;
import com.boxoffice.cart.api.OrderPlaced;
import com.boxoffice.cart.api.OrderRejected;
import com.boxoffice.cart.api.OrderReserved;
import com.boxoffice.cart.api.OrderStatus;
import com.boxoffice.cart.api.PlaceOrder;
import com.boxoffice.cart.api.RecordLineReservation;
import com.boxoffice.cart.api.RejectOrder;
import com.boxoffice.ticketing.api.ConcertCancelledException;
import com.boxoffice.ticketing.api.ConfirmReservation;
import com.boxoffice.ticketing.api.ReleaseReservation;
import com.boxoffice.ticketing.api.Reservation;
import com.boxoffice.ticketing.api.InvalidReservationException;
import com.boxoffice.ticketing.api.ReserveTickets;
import com.boxoffice.ticketing.api.TicketsSoldOutException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checkout process's decisions, with a recording gateway in place of both contexts. */
class CheckoutProcessTest {

    private static final UUID ORDER = UUID.randomUUID();
    private static final UUID CART = UUID.randomUUID();
    private static final UUID CONCERT = UUID.randomUUID();
    private static final UUID OTHER_CONCERT = UUID.randomUUID();
    private static final BigDecimal PRICE = new BigDecimal("45.00");
    private static final CartLine LINE = new CartLine(CONCERT, 2, PRICE);
    private static final CartLine OTHER_LINE = new CartLine(OTHER_CONCERT, 1, new BigDecimal("10.50"));
    private static final List<CartLine> LINES = List.of(LINE, OTHER_LINE);
    private static final BigDecimal TOTAL = new BigDecimal("100.50");
    private static final OrderPlaced PLACED = new OrderPlaced(ORDER, CART, "customer-1", LINES, TOTAL);

    private final RecordingCommandGateway gateway = new RecordingCommandGateway();
    private final CheckoutProcess process = new CheckoutProcess(new CheckoutCommands(gateway, Runnable::run, Duration.ofSeconds(5)));

    CheckoutProcessTest() {
        gateway.answer(ReserveTickets.class, reserve -> CompletableFuture.completedFuture(
                new Reservation(reserve.concertId(), reserve.orderId(), reserve.quantity(), PRICE)));
    }

    @Test
    void aCheckedOutCartPlacesItsOrder() {
        process.on(new CartCheckedOut(CART, ORDER, "customer-1", LINES, TOTAL));

        assertThat(gateway.payloads()).containsExactly(new PlaceOrder(ORDER, CART, "customer-1", LINES, TOTAL));
    }

    @Test
    void aPlacedOrderReservesAndRecordsEveryLine() {
        process.on(PLACED);

        assertThat(gateway.payloads()).containsExactly(
                new ReserveTickets(CONCERT, ORDER, 2),
                new RecordLineReservation(ORDER, CONCERT, 2, PRICE),
                new ReserveTickets(OTHER_CONCERT, ORDER, 1),
                new RecordLineReservation(ORDER, OTHER_CONCERT, 1, PRICE));
    }

    @Test
    void aReservedOrderConfirmsEveryLineThenTheOrder() {
        process.on(new OrderReserved(ORDER, LINES));

        assertThat(gateway.payloads()).containsExactly(
                new ConfirmReservation(CONCERT, ORDER),
                new ConfirmReservation(OTHER_CONCERT, ORDER),
                new ConfirmOrder(ORDER));
    }

    @Test
    void aRefusedLineRejectsTheOrderWithTicketingsReason() {
        TicketsSoldOutException soldOut = new TicketsSoldOutException(OTHER_CONCERT, 1, 0);
        gateway.answer(ReserveTickets.class, reserve -> reserve.concertId().equals(OTHER_CONCERT)
                ? CompletableFuture.failedFuture(soldOut)
                : CompletableFuture.completedFuture(new Reservation(CONCERT, ORDER, 2, PRICE)));

        process.on(PLACED);

        assertThat(gateway.payloads()).containsExactly(
                new ReserveTickets(CONCERT, ORDER, 2),
                new RecordLineReservation(ORDER, CONCERT, 2, PRICE),
                new ReserveTickets(OTHER_CONCERT, ORDER, 1),
                new RejectOrder(ORDER, soldOut.getMessage()));
    }

    @Test
    void aRejectedOrderReleasesEveryLineReservedOrNot() {
        process.on(new OrderRejected(ORDER, "sold out", LINES));

        assertThat(gateway.payloads()).containsExactly(
                new ReleaseReservation(CONCERT, ORDER, "sold out"),
                new ReleaseReservation(OTHER_CONCERT, ORDER, "sold out"));
    }

    @Test
    void theFirstRefusalStopsTheReservations() {
        gateway.answer(ReserveTickets.class, reserve -> CompletableFuture.failedFuture(new ConcertCancelledException(reserve.concertId())));

        process.on(PLACED);

        assertThat(gateway.payloads()).containsExactly(
                new ReserveTickets(CONCERT, ORDER, 2),
                new RejectOrder(ORDER, "Concert " + CONCERT + " is cancelled"));
    }

    @Test
    void aRefusalWrappedByTheBusIsStillARefusal() {
        gateway.answer(ReserveTickets.class, reserve -> CompletableFuture.failedFuture(
                new CommandExecutionException("remote handler failed", new TicketsSoldOutException(reserve.concertId(), 2, 1))));

        process.on(PLACED);

        assertThat(gateway.payloads()).last()
                .isEqualTo(new RejectOrder(ORDER, "Concert " + CONCERT + " has 1 ticket(s) available, 2 requested"));
    }

    @Test
    void anUnknownConcertRejectsTheOrder() {
        gateway.answer(ReserveTickets.class, reserve -> CompletableFuture.failedFuture(
                new AggregateNotFoundException(reserve.concertId().toString(), "The aggregate was not found in the event store")));

        process.on(PLACED);

        assertThat(gateway.payloads()).last().isEqualTo(new RejectOrder(ORDER, "No concert with id " + CONCERT));
    }

    @Test
    void aRefusedConfirmationRejectsTheOrderAndDoesNotConfirmIt() {
        gateway.answer(ConfirmReservation.class, confirm -> confirm.concertId().equals(OTHER_CONCERT)
                ? CompletableFuture.failedFuture(new ConcertCancelledException(OTHER_CONCERT))
                : CompletableFuture.completedFuture(null));

        process.on(new OrderReserved(ORDER, LINES));

        assertThat(gateway.payloads()).containsExactly(
                new ConfirmReservation(CONCERT, ORDER),
                new ConfirmReservation(OTHER_CONCERT, ORDER),
                new RejectOrder(ORDER, "Concert " + OTHER_CONCERT + " is cancelled"));
    }

    @Test
    void aTechnicalFailureIsThrownSoTheEventIsRetriedAndNothingIsRejected() {
        ConcurrencyException conflict = new ConcurrencyException("An event for aggregate [" + CONCERT + "] at sequence [7] was already inserted");
        gateway.answer(ReserveTickets.class, reserve -> CompletableFuture.failedFuture(conflict));

        assertThatThrownBy(() -> process.on(PLACED)).isSameAs(conflict);

        assertThat(gateway.payloads()).containsExactly(new ReserveTickets(CONCERT, ORDER, 2));
    }

    @Test
    void aFailingReleaseIsThrownSoTheReleaseIsRetried() {
        IllegalStateException throttled = new IllegalStateException("ProvisionedThroughputExceeded");
        gateway.answer(ReleaseReservation.class, release -> CompletableFuture.failedFuture(throttled));

        assertThatThrownBy(() -> process.on(new OrderRejected(ORDER, "sold out", LINES)))
                .isInstanceOf(CheckoutStepFailedException.class).hasCause(throttled)
                .hasMessage("ReleaseReservation failed: ProvisionedThroughputExceeded");
    }

    @Test
    void aStepThatDoesNotAnswerInTimeIsThrown() {
        CheckoutProcess impatient = new CheckoutProcess(new CheckoutCommands(gateway, Runnable::run, Duration.ofMillis(50)));
        gateway.answer(ReserveTickets.class, reserve -> new CompletableFuture<>());

        assertThatThrownBy(() -> impatient.on(PLACED))
                .isInstanceOf(CheckoutStepFailedException.class)
                .hasMessage("ReserveTickets did not answer within 50 ms; the event is handled again");
    }

    @Test
    void aRedeliveredEventSendsTheSameIdempotentCommandsAgain() {
        process.on(PLACED);
        List<Object> first = gateway.payloads();
        gateway.clear();

        process.on(PLACED);

        assertThat(gateway.payloads()).isEqualTo(first);
    }

    @Test
    void aRefusedReleaseDoesNotStopTheOtherReleases() {
        gateway.answer(ReleaseReservation.class, release -> release.concertId().equals(CONCERT)
                ? CompletableFuture.failedFuture(new InvalidReservationException("refused for the test"))
                : CompletableFuture.completedFuture(null));

        process.on(new OrderRejected(ORDER, "cancelled", LINES));

        assertThat(gateway.payloads()).containsExactly(
                new ReleaseReservation(CONCERT, ORDER, "cancelled"),
                new ReleaseReservation(OTHER_CONCERT, ORDER, "cancelled"));
    }

    @Test
    void anOrderSettledTheOtherWayIsLeftAsItIs() {
        gateway.answer(ConfirmReservation.class, confirm -> CompletableFuture.failedFuture(new ConcertCancelledException(CONCERT)));
        gateway.answer(RejectOrder.class, reject -> CompletableFuture.failedFuture(
                new OrderNotPendingException(ORDER, OrderStatus.CONFIRMED, "rejected")));

        process.on(new OrderReserved(ORDER, LINES));

        assertThat(gateway.payloads()).containsExactly(
                new ConfirmReservation(CONCERT, ORDER),
                new RejectOrder(ORDER, "Concert " + CONCERT + " is cancelled"));
    }

    @Test
    void aCancelledOrderReleasesEveryLineSoldOrNot() {
        process.on(new OrderCancelled(ORDER, TOTAL, "Concert is cancelled", LINES));

        assertThat(gateway.payloads()).containsExactly(
                new ReleaseReservation(CONCERT, ORDER, "Concert is cancelled"),
                new ReleaseReservation(OTHER_CONCERT, ORDER, "Concert is cancelled"));
    }
}
