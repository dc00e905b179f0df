package com.boxoffice.ticketing.web;

import com.boxoffice.kernel.web.InvalidInputException;
import com.boxoffice.kernel.web.MustBe;
import com.boxoffice.kernel.web.StrictJson;
import com.boxoffice.ticketing.api.Capacity;
import com.boxoffice.ticketing.api.ConcertStart;
import com.boxoffice.ticketing.api.ScheduleConcert;
import com.boxoffice.ticketing.api.TicketPrice;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.annotation.JsonDeserialize;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The body of {@code POST /api/concerts}, read strictly (JSON types as they are, see {@code StrictJson}). Each field's
 * {@link MustBe} words every refusal of it. The concert checks the same rules again against its own clock.
 *
 * @param startsAt    ISO-8601 text with an offset, after now and at most {@value ConcertStart#MAX_YEARS_AHEAD} years ahead
 * @param ticketPrice EUR, a JSON string ({@code "45.00"}) or plain number, {@value TicketPrice#MIN_TEXT} to
 *                    {@value TicketPrice#MAX_TEXT}, at most two decimals
 */
public record ScheduleConcertRequest(
        @MustBe(ScheduleConcertRequest.TEXT) @NotBlank @Size(max = ScheduleConcertRequest.MAX_TEXT_LENGTH)
        @Pattern(regexp = ScheduleConcertRequest.NO_CONTROL_CHARACTERS) String name,
        @MustBe(ScheduleConcertRequest.TEXT) @NotBlank @Size(max = ScheduleConcertRequest.MAX_TEXT_LENGTH)
        @Pattern(regexp = ScheduleConcertRequest.NO_CONTROL_CHARACTERS) String venue,
        @MustBe(ConcertStart.RULE) @NotNull @JsonDeserialize(using = StrictJson.IsoInstant.class) Instant startsAt,
        @MustBe(ScheduleConcertRequest.CAPACITY) @NotNull @Min(Capacity.MIN) @Max(Capacity.MAX) Integer capacity,
        @MustBe(TicketPrice.RULE) @NotNull @DecimalMin(TicketPrice.MIN_TEXT) @DecimalMax(TicketPrice.MAX_TEXT)
        @Digits(integer = 5, fraction = 2) @JsonDeserialize(using = StrictJson.Amount.class) BigDecimal ticketPrice) {

    static final int MAX_TEXT_LENGTH = 200;
    static final String TEXT = "a text of 1 to " + MAX_TEXT_LENGTH + " characters, not blank, without control characters";
    static final String CAPACITY = "a whole number between " + Capacity.MIN + " and " + Capacity.MAX;
    /** No character of Unicode's control category (NUL, escape, line breaks...). */
    static final String NO_CONTROL_CHARACTERS = "[^\\p{Cc}]*";

    /**
     * The command, once the start is checked against {@code now}: the one rule the constraints cannot know.
     *
     * @throws InvalidInputException when the concert would start in the past or too far ahead
     */
    ScheduleConcert toCommand(UUID concertId, Instant now) {
        if (!ConcertStart.accepts(startsAt, now)) {
            throw InvalidInputException.mustBe("startsAt", ConcertStart.RULE);
        }
        return new ScheduleConcert(concertId, name, venue, startsAt, capacity, ticketPrice);
    }
}
