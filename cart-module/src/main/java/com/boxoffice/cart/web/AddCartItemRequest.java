package com.boxoffice.cart.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/**
 * The body of {@code POST /api/carts/{cartId}/items}. The limit of 20 applies to the line after adding as well; the
 * cart checks that one.
 */
public record AddCartItemRequest(@NotNull UUID concertId, @NotNull @Min(1) @Max(20) Integer quantity) {
}
