package com.boxoffice.cart.api;

import java.util.UUID;

/** Asks for one cart's view; answered with an {@code Optional<CartView>}, empty until the projection has it. */
public record FindCart(UUID cartId) {
}
