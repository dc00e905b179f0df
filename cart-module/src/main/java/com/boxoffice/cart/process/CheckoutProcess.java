package com.boxoffice.cart.process;

import com.boxoffice.cart.api.CartCheckedOut;
import com.boxoffice.cart.api.CartLine;
import com.boxoffice.cart.api.OrderCancelled;
import com.boxoffice.cart.api.ConfirmOrder;
import com.boxoffice.cart.api.OrderPlaced;
import com.boxoffice.cart.api.OrderRejected;
import com.boxoffice.cart.api.OrderReserved;
import com.boxoffice.cart.api.PlaceOrder;
import com.boxoffice.cart.api.RecordLineReservation;
import com.boxoffice.cart.api.RejectOrder;
import com.boxoffice.ticketing.api.ConfirmReservation;
import com.boxoffice.ticketing.api.ReleaseReservation;
import com.boxoffice.ticketing.api.Reservation;
import com.boxoffice.ticketing.api.ReserveTickets;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * The checkout across the two contexts, as a stateless process: each handler turns one event into the next commands,
 * using only the cart's and ticketing's published commands and events. Its state is the {@link
 * com.boxoffice.cart.domain.Order}'s event stream, its progress the processor's token; see the package documentation
 * of {@code com.boxoffice.cart} for the whole design and its crash behaviour.
 * <p>
 * Every command sent here is idempotent, so a handler may run again for the same event (after a crash, a segment
 * taken over by another instance, a retried batch) without taking or releasing anything twice. A technical failure is
 * thrown, which makes the processor retry the event; a refusal is a business outcome and decides the order. Replays
 * are refused: re-running a checkout that has long completed would send its commands again for nothing.
 */
@ProcessingGroup(CheckoutProcess.PROCESSING_GROUP)
@DisallowReplay
public class CheckoutProcess {

    public static final String PROCESSING_GROUP = "checkout-process";

    private static final Logger log = LoggerFactory.getLogger(CheckoutProcess.class);

    private final CheckoutCommands commands;

    public CheckoutProcess(CheckoutCommands commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(CartCheckedOut event) {
        settle(event.orderId(), commands.attempt(
                new PlaceOrder(event.orderId(), event.cartId(), event.customerId(), event.lines(), event.total())));
    }

    /** Reserves line by line; the first refusal rejects the order and leaves the remaining lines alone. */
    @EventHandler
    void on(OrderPlaced event) {
        for (CartLine line : event.lines()) {
            Outcome<Reservation> reserved = commands.attempt(
                    new ReserveTickets(line.concertId(), event.orderId(), line.quantity()));
            if (reserved instanceof Outcome.Refused<Reservation> refused) {
                reject(event.orderId(), refused.reason());
                return;
            }
            Reservation reservation = ((Outcome.Done<Reservation>) reserved).result();
            settle(event.orderId(), commands.attempt(new RecordLineReservation(event.orderId(), line.concertId(),
                    line.quantity(), reservation.unitPrice())));
        }
    }

    /** Every line is held: sell them all, then confirm the order. */
    @EventHandler
    void on(OrderReserved event) {
        for (CartLine line : event.lines()) {
            Outcome<Void> confirmed = commands.attempt(new ConfirmReservation(line.concertId(), event.orderId()));
            if (confirmed instanceof Outcome.Refused<Void> refused) {
                // E.g. the concert was cancelled after the reservation: the order cannot be complete.
                reject(event.orderId(), refused.reason());
                return;
            }
        }
        settle(event.orderId(), commands.attempt(new ConfirmOrder(event.orderId())));
    }

    /**
     * Releases every line, reserved or not: ticketing records the release of a line it never reserved (zero tickets),
     * which also refuses a reservation of that line still in flight, so no reservation of a rejected order survives.
     */
    @EventHandler
    void on(OrderRejected event) {
        for (CartLine line : event.lines()) {
            Outcome<Void> released = commands.attempt(
                    new ReleaseReservation(line.concertId(), event.orderId(), event.reason()));
            if (released instanceof Outcome.Refused<Void> refused) {
                // Ticketing releases held and sold tickets alike; only a malformed release is refused.
                log.error("Order {} was rejected, but its tickets of concert {} cannot be released: {}",
                        event.orderId(), line.concertId(), refused.reason());
            }
        }
    }

    /** A voided order gives back every line's tickets, sold ones included; the refund is the event's to announce. */
    @EventHandler
    void on(OrderCancelled event) {
        for (CartLine line : event.lines()) {
            Outcome<Void> released = commands.attempt(
                    new ReleaseReservation(line.concertId(), event.orderId(), event.reason()));
            if (released instanceof Outcome.Refused<Void> refused) {
                log.error("Order {} was cancelled, but its tickets of concert {} cannot be released: {}",
                        event.orderId(), line.concertId(), refused.reason());
            }
        }
    }

    private void reject(UUID orderId, String reason) {
        settle(orderId, commands.attempt(new RejectOrder(orderId, reason)));
    }

    /**
     * The cart context's own commands are refused only when the order is already settled the other way or the
     * command is malformed; retrying would not help and would hold up every later order of the segment, so it is
     * logged for an operator instead.
     */
    private static void settle(UUID orderId, Outcome<?> outcome) {
        if (outcome instanceof Outcome.Refused<?> refused) {
            log.error("Checkout of order {}: the order refused a step: {}", orderId, refused.reason());
        }
    }
}
