package com.boxoffice.cart.web;

import com.boxoffice.cart.api.CartView;

import java.util.List;

/**
 * A cart as the REST API shows it. Besides the contract's fields: {@code openedAt} (ISO-8601 UTC) and {@code orderId}
 * (the order it became; null until checked out).
 */
public record CartResponse(String cartId, String customerId, String status, List<LineResponse> items, String total,
                           String openedAt, String orderId) {

    static CartResponse of(CartView cart) {
        return new CartResponse(cart.cartId().toString(), cart.customerId(), cart.status().name(),
                cart.items().stream().map(LineResponse::of).toList(), Money.format(cart.total()),
                cart.openedAt().toString(), cart.orderId() == null ? null : cart.orderId().toString());
    }
}
