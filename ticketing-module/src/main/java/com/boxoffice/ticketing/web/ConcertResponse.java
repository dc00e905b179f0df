package com.boxoffice.ticketing.web;

import com.boxoffice.ticketing.api.ConcertView;

import java.math.RoundingMode;

/**
 * A concert as the REST API shows it: money as a string with two decimals, time as an ISO-8601 UTC string, both
 * formatted here so that no mapper setting can change the contract.
 */
public record ConcertResponse(String concertId, String name, String venue, String startsAt, int capacity,
                              int available, String ticketPrice, String status) {

    static ConcertResponse of(ConcertView view) {
        return new ConcertResponse(view.concertId().toString(), view.name(), view.venue(), view.startsAt().toString(),
                view.capacity(), view.available(), view.ticketPrice().setScale(2, RoundingMode.UNNECESSARY).toPlainString(),
                view.status().name());
    }
}
