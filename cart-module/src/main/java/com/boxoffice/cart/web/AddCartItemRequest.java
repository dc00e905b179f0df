package com.boxoffice.cart.web;

import com.boxoffice.kernel.web.MustBe;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/**
 * The body of {@code POST /api/carts/{cartId}/items}, read strictly ({@code 1.5} or {@code "2"} is no quantity). The
 * limit of 20 applies to the line after adding as well; the cart checks that one.
 */
public record AddCartItemRequest(
        @MustBe("a concert's id, a UUID") @NotNull UUID concertId,
        @MustBe("a whole number between 1 and 20") @NotNull @Min(1) @Max(20) Integer quantity) {
}
