package com.boxoffice.ticketing.domain;

import com.boxoffice.ticketing.api.Capacity;
import com.boxoffice.ticketing.api.ConcertStart;
import com.boxoffice.ticketing.api.InvalidConcertException;
import com.boxoffice.ticketing.api.ScheduleConcert;
import com.boxoffice.ticketing.api.TicketPrice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** What a schedulable concert looks like. Throws {@link InvalidConcertException} naming the first bad field. */
final class ConcertRules {

    static final int MAX_TEXT_LENGTH = 200;

    private ConcertRules() {
    }

    static void check(ScheduleConcert command, Instant now) {
        if (command.concertId() == null) {
            throw new InvalidConcertException("concertId", "concertId is required");
        }
        text("name", command.name());
        text("venue", command.venue());
        if (command.startsAt() == null) {
            throw new InvalidConcertException("startsAt", "startsAt is required");
        }
        if (!command.startsAt().isAfter(now)) {
            throw new InvalidConcertException("startsAt", "startsAt must be in the future, was " + command.startsAt());
        }
        if (command.startsAt().isAfter(ConcertStart.latest(now))) {
            // Also what keeps the catalogue's month keys and epoch milliseconds in range, whoever sends the command.
            throw new InvalidConcertException("startsAt", "startsAt must be at most " + ConcertStart.MAX_YEARS_AHEAD
                    + " years ahead, was " + command.startsAt());
        }
        if (command.capacity() < Capacity.MIN || command.capacity() > Capacity.MAX) {
            throw new InvalidConcertException("capacity",
                    "capacity must be between " + Capacity.MIN + " and " + Capacity.MAX + ", was " + command.capacity());
        }
        BigDecimal price = command.ticketPrice();
        if (price == null) {
            throw new InvalidConcertException("ticketPrice", "ticketPrice is required");
        }
        if (price.signum() <= 0) {
            throw new InvalidConcertException("ticketPrice", "ticketPrice must be more than 0, was " + price);
        }
        // Compared before any scale arithmetic: 1E+2147483647 has no plain string and overflows setScale.
        if (price.compareTo(TicketPrice.MAX) > 0) {
            throw new InvalidConcertException("ticketPrice", "ticketPrice must be at most " + TicketPrice.MAX_TEXT
                    + ", was " + price);
        }
        if (price.stripTrailingZeros().scale() > 2) {
            throw new InvalidConcertException("ticketPrice", "ticketPrice has more than two decimals: " + price);
        }
    }

    /** EUR with exactly two decimals; {@link #check} made sure nothing is rounded away. */
    static BigDecimal euros(BigDecimal price) {
        return price.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static void text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidConcertException(field, field + " must not be blank");
        }
        if (value.strip().length() > MAX_TEXT_LENGTH) {
            throw new InvalidConcertException(field, field + " is longer than " + MAX_TEXT_LENGTH + " characters");
        }
    }
}
