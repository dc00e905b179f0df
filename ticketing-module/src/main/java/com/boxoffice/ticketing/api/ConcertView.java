package com.boxoffice.ticketing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A concert as the catalogue shows it. It lags the concert's events by a moment; {@code available} is
 * capacity − reserved − sold.
 */
public record ConcertView(UUID concertId, String name, String venue, Instant startsAt, int capacity, int available,
                          BigDecimal ticketPrice, ConcertStatus status) {
}
