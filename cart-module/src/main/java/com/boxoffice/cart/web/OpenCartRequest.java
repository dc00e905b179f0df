package com.boxoffice.cart.web;

import com.boxoffice.kernel.web.MustBe;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/carts}, read strictly ({@code true} or {@code 10} is no customer id). */
public record OpenCartRequest(
        @MustBe("a text of 1 to 200 characters, not blank, without control characters")
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cc}]*") String customerId) {
}
