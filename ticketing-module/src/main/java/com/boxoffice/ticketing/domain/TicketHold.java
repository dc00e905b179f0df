package com.boxoffice.ticketing.domain;

import com.boxoffice.ticketing.api.ConfirmReservation;
import com.boxoffice.ticketing.api.Reservation;
import com.boxoffice.ticketing.api.ReservationConfirmed;
import com.boxoffice.ticketing.api.ReservationIds;
import com.boxoffice.ticketing.api.ReservationMismatchException;
import com.boxoffice.ticketing.api.ReservationReleased;
import com.boxoffice.ticketing.api.ReservationReleasedException;
import com.boxoffice.ticketing.api.ReserveTickets;
import com.boxoffice.ticketing.api.TicketsReserved;
import com.boxoffice.ticketing.api.UnknownReservationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One order's tickets of one concert: held, sold or released. Its identifier ({@link ReservationIds}) is what makes
 * reservations idempotent per order: the first event of a hold takes sequence 0 of that id, so a second reservation
 * for the same order can never be stored, whichever instance sends it, and a released hold stays released.
 * <p>
 * Created only by the {@link ReservationDesk}, together with the concert's count in one unit of work. Confirming
 * touches only the hold: selling a held ticket does not change what the concert has available.
 */
@Aggregate
public class TicketHold {

    enum State {
        HELD,
        CONFIRMED,
        RELEASED
    }

    @AggregateIdentifier
    private String reservationId;
    private UUID concertId;
    private UUID orderId;
    private int quantity;
    private BigDecimal unitPrice;
    private State state;

    /** For Axon, which sources the hold from its events, and creates it empty for a confirmation of no hold. */
    protected TicketHold() {
    }

    /** A new hold of tickets; the concert admitted them in the same unit of work. */
    TicketHold(ReserveTickets command, BigDecimal unitPrice, MetaData metaData) {
        apply(new TicketsReserved(command.concertId(), command.orderId(), command.quantity(), unitPrice), metaData);
    }

    /** A release before any reservation: recorded, so that a reservation of this order still in flight is refused. */
    TicketHold(UUID concertId, UUID orderId, String reason, MetaData metaData) {
        apply(new ReservationReleased(concertId, orderId, 0, reason), metaData);
    }

    /** The answer to a repeated reservation of this order: the same reservation again, nothing recorded. */
    Reservation repeat(ReserveTickets command) {
        if (state == State.RELEASED) {
            throw new ReservationReleasedException(concertId, orderId);
        }
        if (quantity != command.quantity()) {
            throw new ReservationMismatchException(concertId, orderId, quantity, command.quantity());
        }
        return reservation();
    }

    Reservation reservation() {
        return new Reservation(concertId, orderId, quantity, unitPrice);
    }

    /**
     * Releases what the order holds, sold or not: a release comes only from an order that ended without these tickets
     * (rejected, or cancelled and refunded).
     *
     * @return the tickets that go back to the concert (zero when released before)
     */
    int release(String reason, MetaData metaData) {
        if (state == State.RELEASED) {
            return 0;
        }
        apply(new ReservationReleased(concertId, orderId, quantity, reason), metaData);
        return quantity;
    }

    /** Created if missing so that confirming an order that holds nothing is refused as such, and nothing is stored. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ConfirmReservation command) {
        if (state == null) {
            throw new UnknownReservationException(command.concertId(), command.orderId());
        }
        switch (state) {
            case CONFIRMED -> {
                // Already sold: a retried confirmation changes nothing.
            }
            case RELEASED -> throw new ReservationReleasedException(concertId, orderId);
            case HELD -> apply(new ReservationConfirmed(concertId, orderId, quantity));
        }
    }

    @EventSourcingHandler
    void on(TicketsReserved event) {
        start(event.concertId(), event.orderId());
        quantity = event.quantity();
        unitPrice = event.unitPrice();
        state = State.HELD;
    }

    @EventSourcingHandler
    void on(ReservationConfirmed event) {
        state = State.CONFIRMED;
    }

    @EventSourcingHandler
    void on(ReservationReleased event) {
        if (state == null) {
            start(event.concertId(), event.orderId());
        }
        state = State.RELEASED;
    }

    private void start(UUID concert, UUID order) {
        reservationId = ReservationIds.of(concert, order);
        concertId = concert;
        orderId = order;
    }
}
