package com.boxoffice.cart.domain;

import com.boxoffice.cart.api.CancelOrder;
import com.boxoffice.cart.api.CartLine;
import com.boxoffice.cart.api.ConfirmOrder;
import com.boxoffice.cart.api.InvalidOrderException;
import com.boxoffice.cart.api.OrderCancelled;
import com.boxoffice.cart.api.OrderConfirmed;
import com.boxoffice.cart.api.OrderLineReserved;
import com.boxoffice.cart.api.OrderNotPendingException;
import com.boxoffice.cart.api.OrderPlaced;
import com.boxoffice.cart.api.OrderRejected;
import com.boxoffice.cart.api.OrderReserved;
import com.boxoffice.cart.api.OrderStatus;
import com.boxoffice.cart.api.PlaceOrder;
import com.boxoffice.cart.api.RecordLineReservation;
import com.boxoffice.cart.api.RejectOrder;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An order made by a checkout, and the state of the checkout process across the two contexts: which lines ticketing
 * holds, and whether the order ended CONFIRMED, REJECTED or (voided after its concert was cancelled) CANCELLED. The process (see {@code com.boxoffice.cart.process}) is
 * stateless and reacts to these events, so every command here is idempotent: the process sends them again whenever it
 * is handed an event a second time.
 */
@Aggregate
public class Order {

    @AggregateIdentifier
    private UUID orderId;
    private OrderStatus status;
    private final Map<UUID, CartLine> lines = new LinkedHashMap<>();
    private final Set<UUID> reservedLines = new HashSet<>();
    private BigDecimal total;

    /** For Axon, which sources the order from its events, and creates it empty for {@link PlaceOrder}. */
    protected Order() {
    }

    /**
     * Created if missing rather than by a constructor, so that a second PlaceOrder (a redelivered CartCheckedOut)
     * finds the placed order and does nothing, instead of failing on the existing event stream.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public UUID handle(PlaceOrder command) {
        if (status != null) {
            return orderId;
        }
        if (command.lines() == null || command.lines().isEmpty()) {
            throw new InvalidOrderException("Order " + command.orderId() + " has no lines");
        }
        if (command.lines().stream().map(CartLine::concertId).distinct().count() != command.lines().size()) {
            throw new InvalidOrderException("Order " + command.orderId() + " has more than one line for a concert");
        }
        apply(new OrderPlaced(command.orderId(), command.cartId(), command.customerId(), command.lines(), command.total()));
        return command.orderId();
    }

    @CommandHandler
    public void handle(RecordLineReservation command) {
        if (status != OrderStatus.PENDING || reservedLines.contains(command.concertId())) {
            // Settled, or recorded before: a late record changes nothing (a rejection releases every line anyway).
            return;
        }
        CartLine line = lines.get(command.concertId());
        if (line == null) {
            throw new InvalidOrderException("Order " + orderId + " has no line for concert " + command.concertId());
        }
        if (line.quantity() != command.quantity()) {
            throw new InvalidOrderException("Order " + orderId + " holds " + line.quantity() + " ticket(s) of concert "
                    + command.concertId() + ", not " + command.quantity());
        }
        apply(new OrderLineReserved(orderId, command.concertId(), command.quantity(), command.unitPrice()));
        if (reservedLines.size() == lines.size()) {
            apply(new OrderReserved(orderId, List.copyOf(lines.values())));
        }
    }

    @CommandHandler
    public void handle(ConfirmOrder command) {
        if (status == OrderStatus.CONFIRMED) {
            return;
        }
        if (status == OrderStatus.REJECTED || status == OrderStatus.CANCELLED) {
            throw new OrderNotPendingException(orderId, status, "confirmed");
        }
        if (reservedLines.size() != lines.size()) {
            throw new InvalidOrderException("Order " + orderId + " has " + reservedLines.size() + " of " + lines.size()
                    + " lines reserved; it cannot be confirmed yet");
        }
        apply(new OrderConfirmed(orderId, total));
    }

    @CommandHandler
    public void handle(RejectOrder command) {
        if (status == OrderStatus.REJECTED || status == OrderStatus.CANCELLED) {
            return;
        }
        if (status == OrderStatus.CONFIRMED) {
            throw new OrderNotPendingException(orderId, status, "rejected");
        }
        String reason = command.reason() == null || command.reason().isBlank() ? "rejected" : command.reason().strip();
        apply(new OrderRejected(orderId, reason, List.copyOf(lines.values())));
    }

    /** A concert of the order is cancelled: refund a confirmed order, reject a pending one. */
    @CommandHandler
    public void handle(CancelOrder command) {
        String reason = command.reason() == null || command.reason().isBlank() ? "cancelled" : command.reason().strip();
        switch (status) {
            case CONFIRMED -> apply(new OrderCancelled(orderId, total, reason, List.copyOf(lines.values())));
            case PENDING -> apply(new OrderRejected(orderId, reason, List.copyOf(lines.values())));
            case REJECTED, CANCELLED -> {
                // Ended already without its tickets: nothing to void.
            }
        }
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        status = OrderStatus.PENDING;
        total = event.total();
        event.lines().forEach(line -> lines.put(line.concertId(), line));
    }

    @EventSourcingHandler
    void on(OrderLineReserved event) {
        reservedLines.add(event.concertId());
    }

    @EventSourcingHandler
    void on(OrderConfirmed event) {
        status = OrderStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = OrderStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderRejected event) {
        status = OrderStatus.REJECTED;
    }
}
