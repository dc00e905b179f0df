package com.boxoffice.cart.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/carts}. */
public record OpenCartRequest(@NotBlank @Size(max = 200) String customerId) {
}
