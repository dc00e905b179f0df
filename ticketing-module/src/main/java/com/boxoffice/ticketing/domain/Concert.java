package com.boxoffice.ticketing.domain;

import com.boxoffice.ticketing.api.CancelConcert;
import com.boxoffice.ticketing.api.ConcertCancelled;
import com.boxoffice.ticketing.api.ConcertCancelledException;
import com.boxoffice.ticketing.api.ConcertScheduled;
import com.boxoffice.ticketing.api.ConfirmReservation;
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
import com.boxoffice.ticketing.domain.OrderReservation.State;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A concert and every reservation of it. Invariant: {@code reserved + sold <= capacity}, whatever the concurrency.
 * <p>
 * A concert of 100,000 tickets collects hundreds of thousands of events, and every command would source all of them:
 * so it is snapshotted every few hundred events (see {@code TicketingConfiguration#concertSnapshotTrigger}). The snapshot
 * is this object serialised by the event serializer (Jackson), field by field, which is what the annotation says.
 */
@Aggregate(snapshotTriggerDefinition = "concertSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class Concert {

    @AggregateIdentifier
    private UUID concertId;
    private Instant startsAt;
    private int capacity;
    private BigDecimal ticketPrice;
    private boolean cancelled;
    private int reserved;
    private int sold;
    /** One entry per order that ever reserved or released here; released entries stay so late retries are refused. */
    private Map<UUID, OrderReservation> orders = new HashMap<>();

    /** For Axon, which sources the aggregate from its events. */
    protected Concert() {
    }

    /** Jackson must not take this for a creator when it reads a snapshot: snapshots use the no-argument constructor. */
    @CommandHandler
    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public Concert(ScheduleConcert command, Clock clock) {
        ConcertRules.check(command, clock.instant());
        apply(new ConcertScheduled(command.concertId(), command.name().strip(), command.venue().strip(),
                command.startsAt(), command.capacity(), ConcertRules.euros(command.ticketPrice())));
    }

    @CommandHandler
    public Reservation handle(ReserveTickets command, Clock clock) {
        if (command.orderId() == null) {
            throw new InvalidReservationException("orderId is required to reserve tickets of concert " + concertId);
        }
        if (command.quantity() < 1) {
            throw new InvalidReservationException("quantity must be at least 1, was " + command.quantity());
        }
        OrderReservation existing = orders.get(command.orderId());
        if (existing != null) {
            return repeated(command, existing);
        }
        if (cancelled) {
            throw new ConcertCancelledException(concertId);
        }
        if (!clock.instant().isBefore(startsAt)) {
            throw new SalesClosedException(concertId, startsAt);
        }
        if (available() < command.quantity()) {
            throw new TicketsSoldOutException(concertId, command.quantity(), available());
        }
        apply(new TicketsReserved(concertId, command.orderId(), command.quantity(), ticketPrice));
        return new Reservation(concertId, command.orderId(), command.quantity(), ticketPrice);
    }

    /** A retry of a reservation the order already made: the same answer again, nothing recorded. */
    private Reservation repeated(ReserveTickets command, OrderReservation existing) {
        if (existing.state() == State.RELEASED) {
            throw new ReservationReleasedException(concertId, command.orderId());
        }
        if (existing.quantity() != command.quantity()) {
            throw new ReservationMismatchException(concertId, command.orderId(), existing.quantity(), command.quantity());
        }
        return new Reservation(concertId, command.orderId(), existing.quantity(), ticketPrice);
    }

    @CommandHandler
    public void handle(ConfirmReservation command) {
        OrderReservation existing = orders.get(command.orderId());
        if (existing == null) {
            throw new UnknownReservationException(concertId, command.orderId());
        }
        switch (existing.state()) {
            case CONFIRMED -> {
                // Already sold: a retried confirmation changes nothing.
            }
            case RELEASED -> throw new ReservationReleasedException(concertId, command.orderId());
            case HELD -> {
                if (cancelled) {
                    throw new ConcertCancelledException(concertId);
                }
                apply(new ReservationConfirmed(concertId, command.orderId(), existing.quantity()));
            }
        }
    }

    @CommandHandler
    public void handle(ReleaseReservation command) {
        OrderReservation existing = orders.get(command.orderId());
        if (existing == null) {
            // Recorded although nothing is held: a reservation for this order still in flight is refused on arrival.
            apply(new ReservationReleased(concertId, command.orderId(), 0, command.reason()));
            return;
        }
        switch (existing.state()) {
            case RELEASED -> {
                // Already released: nothing to give back twice.
            }
            case CONFIRMED -> throw new ReservationConfirmedException(concertId, command.orderId());
            case HELD -> apply(new ReservationReleased(concertId, command.orderId(), existing.quantity(), command.reason()));
        }
    }

    @CommandHandler
    public void handle(CancelConcert command) {
        if (!cancelled) {
            apply(new ConcertCancelled(concertId));
        }
    }

    private int available() {
        return capacity - reserved - sold;
    }

    @EventSourcingHandler
    void on(ConcertScheduled event) {
        concertId = event.concertId();
        startsAt = event.startsAt();
        capacity = event.capacity();
        ticketPrice = event.ticketPrice();
    }

    @EventSourcingHandler
    void on(TicketsReserved event) {
        orders.put(event.orderId(), new OrderReservation(event.quantity(), State.HELD));
        reserved += event.quantity();
    }

    @EventSourcingHandler
    void on(ReservationConfirmed event) {
        orders.computeIfPresent(event.orderId(), (order, held) -> held.withState(State.CONFIRMED));
        reserved -= event.quantity();
        sold += event.quantity();
    }

    @EventSourcingHandler
    void on(ReservationReleased event) {
        orders.put(event.orderId(), new OrderReservation(event.quantity(), State.RELEASED));
        reserved -= event.quantity();
    }

    @EventSourcingHandler
    void on(ConcertCancelled event) {
        cancelled = true;
    }
}
