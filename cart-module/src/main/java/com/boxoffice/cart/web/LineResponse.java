package com.boxoffice.cart.web;

import com.boxoffice.cart.api.CartLine;

/** A cart's or order's line: money as a string with two decimals. */
public record LineResponse(String concertId, int quantity, String unitPrice) {

    static LineResponse of(CartLine line) {
        return new LineResponse(line.concertId().toString(), line.quantity(), Money.format(line.unitPrice()));
    }
}
