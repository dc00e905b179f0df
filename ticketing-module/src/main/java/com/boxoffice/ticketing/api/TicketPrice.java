package com.boxoffice.ticketing.api;

import java.math.BigDecimal;

/** The bounds of a ticket's price in EUR: at least {@value #MIN_TEXT}, at most {@value #MAX_TEXT}, at most two decimals. */
public final class TicketPrice {

    public static final String MIN_TEXT = "0.01";
    public static final String MAX_TEXT = "10000.00";
    public static final BigDecimal MIN = new BigDecimal(MIN_TEXT);
    public static final BigDecimal MAX = new BigDecimal(MAX_TEXT);

    /** The rule in the API's words, completing "'ticketPrice' must be …". */
    public static final String RULE = "an amount in EUR from " + MIN_TEXT + " to " + MAX_TEXT
            + " with at most 2 decimals, such as \"45.00\"";

    private TicketPrice() {
    }
}
