package com.boxoffice.cart.process;

import com.boxoffice.cart.api.CancelOrder;
import com.boxoffice.ticketing.api.ConcertCancelled;
import com.boxoffice.ticketing.api.TicketsAllocated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Voids every order of a cancelled concert: confirmed ones are cancelled and refunded, pending ones rejected, and the
 * checkout process then releases their tickets.
 * <p>
 * Why nothing is missed: both events are the concert's own, and its processor hands one concert's events over in
 * their order. Each {@link TicketsAllocated} names the orders whose reservations it counted, so by the time
 * {@link ConcertCancelled} arrives every order that reserved before the cancellation is in {@link ConcertOrders}; after
 * it, the concert refuses every reservation. An order rejected in the meantime is left as it is ({@link CancelOrder}
 * changes nothing on an ended order), and a redelivered event sends the same idempotent commands again.
 */
@ProcessingGroup(ConcertCancellationProcess.PROCESSING_GROUP)
@DisallowReplay
public class ConcertCancellationProcess {

    public static final String PROCESSING_GROUP = "concert-cancellations";

    private static final Logger log = LoggerFactory.getLogger(ConcertCancellationProcess.class);

    private final ConcertOrders concertOrders;
    private final CheckoutCommands commands;

    public ConcertCancellationProcess(ConcertOrders concertOrders, CheckoutCommands commands) {
        this.concertOrders = concertOrders;
        this.commands = commands;
    }

    @EventHandler
    void on(TicketsAllocated event) {
        concertOrders.add(event.concertId(), event.orders());
    }

    @EventHandler
    void on(ConcertCancelled event) {
        String reason = "Concert " + event.concertId() + " is cancelled";
        for (UUID order : concertOrders.of(event.concertId())) {
            if (commands.attempt(new CancelOrder(order, reason)) instanceof Outcome.Refused<?> refused) {
                log.error("Order {} of cancelled concert {} could not be voided: {}", order, event.concertId(), refused.reason());
            }
        }
    }
}
