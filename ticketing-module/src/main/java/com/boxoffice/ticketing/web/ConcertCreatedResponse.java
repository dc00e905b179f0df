package com.boxoffice.ticketing.web;

/** The answer to {@code POST /api/concerts}. */
public record ConcertCreatedResponse(String concertId) {
}
