package com.boxoffice.cart.web;

import java.util.UUID;

/** The concert sells no more tickets (cancelled, or started): adding it to a cart is refused with 409. */
class ConcertNotOnSaleException extends RuntimeException {

    ConcertNotOnSaleException(UUID concertId, String why) {
        super("Concert " + concertId + " " + why + "; its tickets cannot be added to a cart");
    }
}
