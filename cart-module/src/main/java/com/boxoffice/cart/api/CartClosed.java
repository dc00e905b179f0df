package com.boxoffice.cart.api;

import java.util.UUID;

public record CartClosed(UUID cartId) {
}
