/**
 * The REST endpoints of carts ({@code /api/carts}) and orders ({@code /api/orders}), as the API note describes them,
 * plus the abandoned-carts listing {@code GET /api/carts?status=OPEN&openLongerThan=P14D[&limit=100]}.
 * <p>
 * Commands answer once their events are stored; reads answer from projections that lag the commands by a moment (a
 * new cart or order answers 404 for that moment). A checkout answers 202 with the order id: the order is settled
 * asynchronously by the checkout process, so clients poll {@code GET /api/orders/{orderId}} until it is CONFIRMED or
 * REJECTED. Every error is {@code application/problem+json} ({@link com.boxoffice.cart.web.CartProblemHandler}).
 */
package com.boxoffice.cart.web;
