package com.boxoffice.ticketing.api;

import java.util.UUID;

/** The concert will not take place; no more tickets are reserved or sold. */
public record ConcertCancelled(UUID concertId) {
}
