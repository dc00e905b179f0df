package com.boxoffice.cart.api;

import java.util.UUID;

/** Asks for one order's view; answered with an {@code Optional<OrderView>}, empty until the projection has it. */
public record FindOrder(UUID orderId) {
}
