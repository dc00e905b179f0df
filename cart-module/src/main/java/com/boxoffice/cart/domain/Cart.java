package com.boxoffice.cart.domain;

import com.boxoffice.cart.api.AddCartItem;
import com.boxoffice.cart.api.CartCheckedOut;
import com.boxoffice.cart.api.CartClosed;
import com.boxoffice.cart.api.CartItemAdded;
import com.boxoffice.cart.api.CartItemRemoved;
import com.boxoffice.cart.api.CartLine;
import com.boxoffice.cart.api.CartLineNotFoundException;
import com.boxoffice.cart.api.CartNotOpenException;
import com.boxoffice.cart.api.CartOpened;
import com.boxoffice.cart.api.CartStatus;
import com.boxoffice.cart.api.CheckOutCart;
import com.boxoffice.cart.api.CloseCart;
import com.boxoffice.cart.api.EmptyCartException;
import com.boxoffice.cart.api.InvalidCartItemException;
import com.boxoffice.cart.api.NotYourCartException;
import com.boxoffice.cart.api.OpenCart;
import com.boxoffice.cart.api.RemoveCartItem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's cart: lines of tickets per concert at the price they were added at, until it is checked out (and
 * becomes an order) or closed. Rules from the API note: 1 to 20 tickets per line, changes only while OPEN, no checkout
 * of an empty cart, and only its own customer changes it. A repeated checkout with the same order id answers the same and records nothing.
 */
@Aggregate
public class Cart {

    static final int MAX_PER_LINE = 20;

    @AggregateIdentifier
    private UUID cartId;
    private String customerId;
    private CartStatus status;
    private UUID orderId;
    private final Map<UUID, CartLine> lines = new LinkedHashMap<>();

    /** For Axon, which sources the cart from its events. */
    protected Cart() {
    }

    @CommandHandler
    public Cart(OpenCart command) {
        if (command.customerId() == null || command.customerId().isBlank()) {
            throw new InvalidCartItemException("customerId", "customerId is required to open a cart");
        }
        apply(new CartOpened(command.cartId(), command.customerId().strip()));
    }

    /** Answers the line as it stands after adding. */
    @CommandHandler
    public CartLine handle(AddCartItem command) {
        requireOwner(command.customerId());
        requireOpen();
        if (command.concertId() == null) {
            throw new InvalidCartItemException("concertId", "concertId is required to add tickets to cart " + cartId);
        }
        if (command.quantity() < 1) {
            throw new InvalidCartItemException("quantity", "quantity must be at least 1, was " + command.quantity());
        }
        if (command.unitPrice() == null || command.unitPrice().signum() <= 0) {
            throw new InvalidCartItemException("unitPrice", "the unit price must be positive, was " + command.unitPrice());
        }
        CartLine existing = lines.get(command.concertId());
        int lineQuantity = command.quantity() + (existing == null ? 0 : existing.quantity());
        if (lineQuantity > MAX_PER_LINE) {
            throw new InvalidCartItemException("quantity", "at most " + MAX_PER_LINE + " tickets per concert: the line would hold "
                    + lineQuantity);
        }
        // A line keeps one price: adding later at a new price reprices the whole line, as the customer sees it now.
        BigDecimal unitPrice = command.unitPrice().setScale(2, RoundingMode.HALF_EVEN);
        apply(new CartItemAdded(cartId, command.concertId(), command.quantity(), lineQuantity, unitPrice));
        return new CartLine(command.concertId(), lineQuantity, unitPrice);
    }

    @CommandHandler
    public void handle(RemoveCartItem command) {
        requireOwner(command.customerId());
        requireOpen();
        if (!lines.containsKey(command.concertId())) {
            throw new CartLineNotFoundException(cartId, command.concertId());
        }
        apply(new CartItemRemoved(cartId, command.concertId()));
    }

    @CommandHandler
    public UUID handle(CheckOutCart command) {
        requireOwner(command.customerId());
        if (status == CartStatus.CHECKED_OUT && orderId.equals(command.orderId())) {
            return orderId;
        }
        requireOpen();
        if (lines.isEmpty()) {
            throw new EmptyCartException(cartId);
        }
        List<CartLine> ordered = List.copyOf(lines.values());
        BigDecimal total = ordered.stream().map(CartLine::total).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_EVEN);
        apply(new CartCheckedOut(cartId, command.orderId(), customerId, ordered, total));
        return command.orderId();
    }

    @CommandHandler
    public void handle(CloseCart command) {
        requireOwner(command.customerId());
        requireOpen();
        apply(new CartClosed(cartId));
    }

    /** Checked before anything else, so that another customer learns nothing of the cart's state either. */
    private void requireOwner(String askingCustomer) {
        if (askingCustomer == null || !askingCustomer.strip().equals(customerId)) {
            throw new NotYourCartException(cartId);
        }
    }

    private void requireOpen() {
        if (status != CartStatus.OPEN) {
            throw new CartNotOpenException(cartId, status);
        }
    }

    @EventSourcingHandler
    void on(CartOpened event) {
        cartId = event.cartId();
        customerId = event.customerId();
        status = CartStatus.OPEN;
    }

    @EventSourcingHandler
    void on(CartItemAdded event) {
        lines.put(event.concertId(), new CartLine(event.concertId(), event.lineQuantity(), event.unitPrice()));
    }

    @EventSourcingHandler
    void on(CartItemRemoved event) {
        lines.remove(event.concertId());
    }

    @EventSourcingHandler
    void on(CartCheckedOut event) {
        status = CartStatus.CHECKED_OUT;
        orderId = event.orderId();
    }

    @EventSourcingHandler
    void on(CartClosed event) {
        status = CartStatus.CLOSED;
    }
}
