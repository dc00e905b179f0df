package com.boxoffice.cart.api;

import java.util.UUID;

public record CartItemRemoved(UUID cartId, UUID concertId) {
}
