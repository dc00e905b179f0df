package com.boxoffice.ticketing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A concert went on sale. */
public record ConcertScheduled(UUID concertId, String name, String venue, Instant startsAt, int capacity,
                               BigDecimal ticketPrice) {
}
