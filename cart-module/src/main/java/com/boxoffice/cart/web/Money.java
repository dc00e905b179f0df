package com.boxoffice.cart.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** EUR as the API writes it: a string with exactly two decimals, formatted here so no mapper setting changes it. */
final class Money {

    private Money() {
    }

    static String format(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
