package com.boxoffice.ticketing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Puts a concert on sale.
 *
 * @param startsAt    after the moment it is scheduled, at most {@value ConcertStart#MAX_YEARS_AHEAD} years ahead
 * @param capacity    the number of tickets, 1 to {@value Capacity#MAX}
 * @param ticketPrice the price of one ticket in EUR, {@value TicketPrice#MIN_TEXT} to {@value TicketPrice#MAX_TEXT}, at most two decimals
 */
public record ScheduleConcert(@TargetAggregateIdentifier UUID concertId, String name, String venue, Instant startsAt,
                              int capacity, BigDecimal ticketPrice) {
}
