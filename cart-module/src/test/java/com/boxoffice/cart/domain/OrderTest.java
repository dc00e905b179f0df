package com.boxoffice.cart.domain;

import com.boxoffice.cart.api.OrderCancelled;
import com.boxoffice.cart.api.CancelOrder;
import com.boxoffice.cart.api.CartLine;
import com.boxoffice.cart.api.ConfirmOrder;
import com.boxoffice.cart.api.InvalidOrderException;
import com.boxoffice.cart.api.OrderConfirmed;
import com.boxoffice.cart.api.OrderLineReserved;
import com.boxoffice.cart.api.OrderNotPendingException;
import com.boxoffice.cart.api.OrderPlaced;
import com.boxoffice.cart.api.OrderRejected;
import com.boxoffice.cart.api.OrderReserved;
import com.boxoffice.cart.api.PlaceOrder;
import com.boxoffice.cart.api.RecordLineReservation;
import com.boxoffice.cart.api.RejectOrder;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

class OrderTest {

    private static final UUID ORDER = UUID.randomUUID();
    private static final UUID CART = UUID.randomUUID();
    private static final UUID CONCERT = UUID.randomUUID();
    private static final UUID OTHER_CONCERT = UUID.randomUUID();
    private static final CartLine LINE = new CartLine(CONCERT, 2, new BigDecimal("45.00"));
    private static final CartLine OTHER_LINE = new CartLine(OTHER_CONCERT, 1, new BigDecimal("10.50"));
    private static final List<CartLine> LINES = List.of(LINE, OTHER_LINE);
    private static final BigDecimal TOTAL = new BigDecimal("100.50");
    private static final OrderPlaced PLACED = new OrderPlaced(ORDER, CART, "customer-1", LINES, TOTAL);

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
    }

    @Test
    void isPlacedPending() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, CART, "customer-1", LINES, TOTAL))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ORDER)
                .expectEvents(PLACED);
    }

    @Test
    void placingAgainRecordsNothing() {
        fixture.given(PLACED)
                .when(new PlaceOrder(ORDER, CART, "customer-1", LINES, TOTAL))
                .expectResultMessagePayload(ORDER)
                .expectNoEvents();
    }

    @Test
    void refusesAnOrderWithoutLinesOrWithTwoLinesForOneConcert() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, CART, "customer-1", List.of(), BigDecimal.ZERO))
                .expectException(InvalidOrderException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, CART, "customer-1", List.of(LINE, LINE), TOTAL))
                .expectException(InvalidOrderException.class)
                .expectExceptionMessage("Order " + ORDER + " has more than one line for a concert");
    }

    @Test
    void recordsAReservedLine() {
        fixture.given(PLACED)
                .when(new RecordLineReservation(ORDER, CONCERT, 2, new BigDecimal("45.00")))
                .expectEvents(new OrderLineReserved(ORDER, CONCERT, 2, new BigDecimal("45.00")));
    }

    @Test
    void theLastReservedLineMakesTheOrderReserved() {
        fixture.given(PLACED, new OrderLineReserved(ORDER, CONCERT, 2, new BigDecimal("45.00")))
                .when(new RecordLineReservation(ORDER, OTHER_CONCERT, 1, new BigDecimal("10.50")))
                .expectEvents(new OrderLineReserved(ORDER, OTHER_CONCERT, 1, new BigDecimal("10.50")),
                        new OrderReserved(ORDER, LINES));
    }

    @Test
    void recordingALineTwiceOrAfterTheRejectionRecordsNothing() {
        fixture.given(PLACED, new OrderLineReserved(ORDER, CONCERT, 2, new BigDecimal("45.00")))
                .when(new RecordLineReservation(ORDER, CONCERT, 2, new BigDecimal("45.00")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(PLACED, new OrderRejected(ORDER, "sold out", LINES))
                .when(new RecordLineReservation(ORDER, CONCERT, 2, new BigDecimal("45.00")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesARecordOfALineItDoesNotHave() {
        fixture.given(PLACED)
                .when(new RecordLineReservation(ORDER, UUID.randomUUID(), 2, new BigDecimal("45.00")))
                .expectException(InvalidOrderException.class)
                .expectNoEvents();
        fixture.given(PLACED)
                .when(new RecordLineReservation(ORDER, CONCERT, 3, new BigDecimal("45.00")))
                .expectException(InvalidOrderException.class)
                .expectExceptionMessage("Order " + ORDER + " holds 2 ticket(s) of concert " + CONCERT + ", not 3");
    }

    @Test
    void isConfirmedOnceEveryLineIsReserved() {
        fixture.given(PLACED, new OrderLineReserved(ORDER, CONCERT, 2, new BigDecimal("45.00")),
                        new OrderLineReserved(ORDER, OTHER_CONCERT, 1, new BigDecimal("10.50")), new OrderReserved(ORDER, LINES))
                .when(new ConfirmOrder(ORDER))
                .expectEvents(new OrderConfirmed(ORDER, TOTAL));
    }

    @Test
    void confirmingTwiceRecordsNothing() {
        fixture.given(PLACED, new OrderLineReserved(ORDER, CONCERT, 2, new BigDecimal("45.00")),
                        new OrderLineReserved(ORDER, OTHER_CONCERT, 1, new BigDecimal("10.50")), new OrderReserved(ORDER, LINES),
                        new OrderConfirmed(ORDER, TOTAL))
                .when(new ConfirmOrder(ORDER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToConfirmAnOrderNotFullyReservedOrRejected() {
        fixture.given(PLACED, new OrderLineReserved(ORDER, CONCERT, 2, new BigDecimal("45.00")))
                .when(new ConfirmOrder(ORDER))
                .expectException(InvalidOrderException.class)
                .expectExceptionMessage("Order " + ORDER + " has 1 of 2 lines reserved; it cannot be confirmed yet");
        fixture.given(PLACED, new OrderRejected(ORDER, "sold out", LINES))
                .when(new ConfirmOrder(ORDER))
                .expectException(OrderNotPendingException.class)
                .expectNoEvents();
    }

    @Test
    void isRejectedWithTheReasonAndItsLines() {
        fixture.given(PLACED, new OrderLineReserved(ORDER, CONCERT, 2, new BigDecimal("45.00")))
                .when(new RejectOrder(ORDER, " Concert x has 0 ticket(s) available, 1 requested "))
                .expectEvents(new OrderRejected(ORDER, "Concert x has 0 ticket(s) available, 1 requested", LINES));
    }

    @Test
    void rejectingTwiceRecordsNothingAndAConfirmedOrderIsNotRejected() {
        fixture.given(PLACED, new OrderRejected(ORDER, "sold out", LINES))
                .when(new RejectOrder(ORDER, "cancelled"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(PLACED, new OrderLineReserved(ORDER, CONCERT, 2, new BigDecimal("45.00")),
                        new OrderLineReserved(ORDER, OTHER_CONCERT, 1, new BigDecimal("10.50")), new OrderReserved(ORDER, LINES),
                        new OrderConfirmed(ORDER, TOTAL))
                .when(new RejectOrder(ORDER, "cancelled"))
                .expectException(OrderNotPendingException.class)
                .expectNoEvents();
    }

    @Test
    void aConfirmedOrderOfACancelledConcertIsCancelledWithARefundOfItsTotal() {
        fixture.given(PLACED, new OrderConfirmed(ORDER, TOTAL))
                .when(new CancelOrder(ORDER, "Concert is cancelled"))
                .expectEvents(new OrderCancelled(ORDER, TOTAL, "Concert is cancelled", LINES));
    }

    @Test
    void aPendingOrderOfACancelledConcertIsRejected() {
        fixture.given(PLACED)
                .when(new CancelOrder(ORDER, "Concert is cancelled"))
                .expectEvents(new OrderRejected(ORDER, "Concert is cancelled", LINES));
    }

    @Test
    void cancellingAnEndedOrderChangesNothing() {
        fixture.given(PLACED, new OrderRejected(ORDER, "sold out", LINES))
                .when(new CancelOrder(ORDER, "Concert is cancelled"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(PLACED, new OrderConfirmed(ORDER, TOTAL), new OrderCancelled(ORDER, TOTAL, "Concert is cancelled", LINES))
                .when(new CancelOrder(ORDER, "Concert is cancelled"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCancelledOrderIsNeitherConfirmedNorRejected() {
        fixture.given(PLACED, new OrderConfirmed(ORDER, TOTAL), new OrderCancelled(ORDER, TOTAL, "Concert is cancelled", LINES))
                .when(new ConfirmOrder(ORDER))
                .expectException(OrderNotPendingException.class)
                .expectNoEvents();
        fixture.given(PLACED, new OrderConfirmed(ORDER, TOTAL), new OrderCancelled(ORDER, TOTAL, "Concert is cancelled", LINES))
                .when(new RejectOrder(ORDER, "late refusal"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
