package com.boxoffice.cart.query;

import com.boxoffice.cart.api.OrderCancelled;
import com.boxoffice.cart.api.OrderConfirmed;
import com.boxoffice.cart.api.OrderPlaced;
import com.boxoffice.cart.api.OrderRejected;
import com.boxoffice.cart.api.OrderStatus;
import com.boxoffice.cart.api.OrderView;

import java.time.Instant;

/** How each order event changes an order's view: pure functions, whatever stores the views. */
public final class OrderViews {

    private OrderViews() {
    }

    public static OrderView placed(OrderPlaced event, Instant placedAt) {
        return new OrderView(event.orderId(), event.cartId(), event.customerId(), OrderStatus.PENDING, event.lines(),
                CartViews.euros(event.total()), null, placedAt);
    }

    public static OrderView confirmed(OrderView order, OrderConfirmed event) {
        return new OrderView(order.orderId(), order.cartId(), order.customerId(), OrderStatus.CONFIRMED, order.lines(),
                order.total(), null, order.placedAt());
    }

    public static OrderView rejected(OrderView order, OrderRejected event) {
        return new OrderView(order.orderId(), order.cartId(), order.customerId(), OrderStatus.REJECTED, order.lines(),
                order.total(), event.reason(), order.placedAt());
    }

    public static OrderView cancelled(OrderView order, OrderCancelled event) {
        return new OrderView(order.orderId(), order.cartId(), order.customerId(), OrderStatus.CANCELLED, order.lines(),
                order.total(), event.reason(), order.placedAt());
    }
}
