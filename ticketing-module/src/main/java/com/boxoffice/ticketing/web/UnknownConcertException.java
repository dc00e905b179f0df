package com.boxoffice.ticketing.web;

/** No concert has this id (or the catalogue does not show it yet). Answered with 404. */
class UnknownConcertException extends RuntimeException {

    UnknownConcertException(String concertId) {
        super("No concert with id " + concertId);
    }
}
