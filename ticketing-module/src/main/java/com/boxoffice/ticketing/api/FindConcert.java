package com.boxoffice.ticketing.api;

import java.util.UUID;

/** Asks the catalogue for one concert; answered with an {@code Optional<ConcertView>}. */
public record FindConcert(UUID concertId) {
}
