package com.boxoffice.cart.query;

import com.boxoffice.cart.api.CartCheckedOut;
import com.boxoffice.cart.api.CartClosed;
import com.boxoffice.cart.api.CartItemAdded;
import com.boxoffice.cart.api.CartItemRemoved;
import com.boxoffice.cart.api.CartLine;
import com.boxoffice.cart.api.CartOpened;
import com.boxoffice.cart.api.CartStatus;
import com.boxoffice.cart.api.CartView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** How each cart event changes a cart's view: pure functions, whatever stores the views. */
public final class CartViews {

    private CartViews() {
    }

    public static CartView opened(CartOpened event, Instant openedAt) {
        return new CartView(event.cartId(), event.customerId(), CartStatus.OPEN, List.of(), euros(BigDecimal.ZERO),
                openedAt, null);
    }

    /** The line takes the event's quantity (the line's after adding) and price, keeping its place in the cart. */
    public static CartView itemAdded(CartView cart, CartItemAdded event) {
        CartLine line = new CartLine(event.concertId(), event.lineQuantity(), event.unitPrice());
        List<CartLine> items = new ArrayList<>(cart.items());
        int existing = indexOf(items, event.concertId());
        if (existing >= 0) {
            items.set(existing, line);
        } else {
            items.add(line);
        }
        return withItems(cart, items);
    }

    public static CartView itemRemoved(CartView cart, CartItemRemoved event) {
        List<CartLine> items = new ArrayList<>(cart.items());
        items.removeIf(line -> line.concertId().equals(event.concertId()));
        return withItems(cart, items);
    }

    /** The view keeps the lines and total the order was made of. */
    public static CartView checkedOut(CartView cart, CartCheckedOut event) {
        return new CartView(cart.cartId(), cart.customerId(), CartStatus.CHECKED_OUT, event.lines(), euros(event.total()),
                cart.openedAt(), event.orderId());
    }

    public static CartView closed(CartView cart, CartClosed event) {
        return new CartView(cart.cartId(), cart.customerId(), CartStatus.CLOSED, cart.items(), cart.total(),
                cart.openedAt(), cart.orderId());
    }

    private static CartView withItems(CartView cart, List<CartLine> items) {
        BigDecimal total = items.stream().map(CartLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CartView(cart.cartId(), cart.customerId(), cart.status(), items, euros(total), cart.openedAt(),
                cart.orderId());
    }

    private static int indexOf(List<CartLine> items, UUID concertId) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).concertId().equals(concertId)) {
                return i;
            }
        }
        return -1;
    }

    static BigDecimal euros(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
