package com.boxoffice.cart.web;

import com.boxoffice.cart.api.OrderView;

import java.util.List;

/** An order as the REST API shows it; {@code reason} is null unless the order is REJECTED. */
public record OrderResponse(String orderId, String cartId, String status, List<LineResponse> lines, String total,
                            String reason) {

    static OrderResponse of(OrderView order) {
        return new OrderResponse(order.orderId().toString(), order.cartId().toString(), order.status().name(),
                order.lines().stream().map(LineResponse::of).toList(), Money.format(order.total()), order.reason());
    }
}
