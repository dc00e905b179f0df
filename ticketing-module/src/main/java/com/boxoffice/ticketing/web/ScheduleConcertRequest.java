package com.boxoffice.ticketing.web;

import com.boxoffice.ticketing.api.Capacity;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The body of {@code POST /api/concerts}. "In the future" is checked by the concert itself, against its clock.
 *
 * @param ticketPrice EUR, a JSON string ({@code "45.00"}) or number, more than zero, at most two decimals
 */
public record ScheduleConcertRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String venue,
        @NotNull Instant startsAt,
        @NotNull @Min(Capacity.MIN) @Max(Capacity.MAX) Integer capacity,
        @NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 9, fraction = 2) BigDecimal ticketPrice) {
}
