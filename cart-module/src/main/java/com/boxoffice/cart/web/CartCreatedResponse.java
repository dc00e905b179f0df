package com.boxoffice.cart.web;

/** The answer to {@code POST /api/carts}. */
public record CartCreatedResponse(String cartId) {
}
