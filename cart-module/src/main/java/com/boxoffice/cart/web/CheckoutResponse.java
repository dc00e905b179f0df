package com.boxoffice.cart.web;

/** The answer to {@code POST /api/carts/{cartId}/checkout}: the order to poll. */
public record CheckoutResponse(String orderId) {
}
