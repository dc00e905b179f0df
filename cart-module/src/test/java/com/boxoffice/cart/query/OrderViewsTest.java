package com.boxoffice.cart.query;

import com.boxoffice.cart.api.CartLine;
import com.boxoffice.cart.api.OrderConfirmed;
import com.boxoffice.cart.api.OrderPlaced;
import com.boxoffice.cart.api.OrderRejected;
import com.boxoffice.cart.api.OrderStatus;
import com.boxoffice.cart.api.OrderView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What each order event does to the order's view. */
class OrderViewsTest {

    private static final UUID ORDER = UUID.randomUUID();
    private static final UUID CART = UUID.randomUUID();
    private static final List<CartLine> LINES = List.of(new CartLine(UUID.randomUUID(), 2, new BigDecimal("45.00")));
    private static final Instant PLACED_AT = Instant.parse("2026-11-01T10:15:30Z");

    private final OrderView placed = OrderViews.placed(new OrderPlaced(ORDER, CART, "c", LINES, new BigDecimal("90")), PLACED_AT);

    @Test
    void aPlacedOrderIsPendingWithItsLinesAndTotal() {
        assertThat(placed).isEqualTo(new OrderView(ORDER, CART, "c", OrderStatus.PENDING, LINES, new BigDecimal("90.00"),
                null, PLACED_AT));
    }

    @Test
    void aConfirmedOrderKeepsEverythingElse() {
        assertThat(OrderViews.confirmed(placed, new OrderConfirmed(ORDER, new BigDecimal("90.00"))))
                .isEqualTo(new OrderView(ORDER, CART, "c", OrderStatus.CONFIRMED, LINES, new BigDecimal("90.00"), null, PLACED_AT));
    }

    @Test
    void aRejectedOrderShowsTheReason() {
        assertThat(OrderViews.rejected(placed, new OrderRejected(ORDER, "Concert x is cancelled", LINES)))
                .isEqualTo(new OrderView(ORDER, CART, "c", OrderStatus.REJECTED, LINES, new BigDecimal("90.00"),
                        "Concert x is cancelled", PLACED_AT));
    }
}
