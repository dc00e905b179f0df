package com.boxoffice.cart.api;

import java.util.List;
import java.util.UUID;

/** Every line of the order is reserved: the tickets can be sold. */
public record OrderReserved(UUID orderId, List<CartLine> lines) {

    public OrderReserved {
        lines = List.copyOf(lines);
    }
}
