package com.boxoffice.cart.api;

import java.util.UUID;

public record CartOpened(UUID cartId, String customerId) {
}
