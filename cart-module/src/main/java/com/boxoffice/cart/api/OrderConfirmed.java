package com.boxoffice.cart.api;

import java.math.BigDecimal;
import java.util.UUID;

/** Every line's tickets are sold to the order. */
public record OrderConfirmed(UUID orderId, BigDecimal total) {
}
