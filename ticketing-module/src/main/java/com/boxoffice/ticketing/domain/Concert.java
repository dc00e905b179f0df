package com.boxoffice.ticketing.domain;

import com.boxoffice.ticketing.api.CancelConcert;
import com.boxoffice.ticketing.api.ConcertCancelled;
import com.boxoffice.ticketing.api.ConcertCancelledException;
import com.boxoffice.ticketing.api.ConcertScheduled;
import com.boxoffice.ticketing.api.ReserveTickets;
import com.boxoffice.ticketing.api.SalesClosedException;
import com.boxoffice.ticketing.api.ScheduleConcert;
import com.boxoffice.ticketing.api.TicketingException;
import com.boxoffice.ticketing.api.TicketsAllocated;
import com.boxoffice.ticketing.api.TicketsReturned;
import com.boxoffice.ticketing.api.TicketsSoldOutException;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A concert and its capacity. Invariant: the tickets held or sold never exceed the capacity, whatever the concurrency.
 * <p>
 * <b>Bounded state.</b> The concert keeps counts, not orders: each order's reservation is its own aggregate
 * ({@link TicketHold}), so what a reservation loads, and any snapshot, has the same small size whether the concert has
 * sold ten tickets or a hundred thousand. The {@link ReservationDesk} decides many reservations of one concert in one
 * unit of work: it asks this aggregate for each ({@link #admit}), and records the tickets taken once for the batch
 * ({@link #allocate}); every batch is one commit, so the event store's optimistic lock on the concert's sequence decides
 * between batches of different instances, and no batch can take what another took.
 * <p>
 * The snapshot is this object serialised by the event serializer (Jackson), field by field, which is what the
 * annotation says.
 */
@Aggregate(snapshotTriggerDefinition = "concertSnapshotTrigger", cache = "concertCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class Concert {

    @AggregateIdentifier
    private UUID concertId;
    private Instant startsAt;
    private int capacity;
    private BigDecimal ticketPrice;
    private boolean cancelled;
    /** Tickets held or sold: every reservation not released. */
    private int allocated;

    /** For Axon, which sources the aggregate from its events. */
    protected Concert() {
    }

    /** Jackson must not take this for a creator when it reads a snapshot: snapshots use the no-argument constructor. */
    @CommandHandler
    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public Concert(ScheduleConcert command, java.time.Clock clock) {
        ConcertRules.check(command, clock.instant());
        apply(new ConcertScheduled(command.concertId(), command.name().strip(), command.venue().strip(),
                command.startsAt(), command.capacity(), ConcertRules.euros(command.ticketPrice())));
    }

    @CommandHandler
    public void handle(CancelConcert command) {
        if (!cancelled) {
            apply(new ConcertCancelled(concertId));
        }
    }

    /**
     * Whether a new reservation can be made now, given {@code pending} tickets this unit of work has admitted but not
     * yet {@linkplain #allocate allocated}.
     *
     * @return the refusal, or empty when the reservation fits
     */
    Optional<TicketingException> admit(ReserveTickets command, int pending, Instant now) {
        if (cancelled) {
            return Optional.of(new ConcertCancelledException(concertId));
        }
        if (!now.isBefore(startsAt)) {
            return Optional.of(new SalesClosedException(concertId, startsAt));
        }
        int available = available() - pending;
        if (available < command.quantity()) {
            return Optional.of(new TicketsSoldOutException(concertId, command.quantity(), available));
        }
        return Optional.empty();
    }

    /** Records tickets admitted by {@link #admit} in this unit of work for these orders, once for all of them. */
    void allocate(int tickets, List<UUID> orders) {
        if (tickets > available()) {
            // The desk admits against the same counts; this is the invariant's last line, never a business answer.
            throw new IllegalStateException("Concert " + concertId + " cannot allocate " + tickets + " of "
                    + available() + " available tickets");
        }
        if (tickets > 0) {
            apply(new TicketsAllocated(concertId, tickets, available() - tickets, orders));
        }
    }

    /** Takes back tickets whose reservations were released in this unit of work. */
    void giveBack(int tickets) {
        if (tickets > 0) {
            apply(new TicketsReturned(concertId, tickets, available() + tickets));
        }
    }

    UUID concertId() {
        return concertId;
    }

    BigDecimal ticketPrice() {
        return ticketPrice;
    }

    private int available() {
        return capacity - allocated;
    }

    @EventSourcingHandler
    void on(ConcertScheduled event) {
        concertId = event.concertId();
        startsAt = event.startsAt();
        capacity = event.capacity();
        ticketPrice = event.ticketPrice();
    }

    @EventSourcingHandler
    void on(TicketsAllocated event) {
        allocated += event.tickets();
    }

    @EventSourcingHandler
    void on(TicketsReturned event) {
        allocated -= event.tickets();
    }

    @EventSourcingHandler
    void on(ConcertCancelled event) {
        cancelled = true;
    }
}
