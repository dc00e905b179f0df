package com.boxoffice.cart.web;

import com.boxoffice.cart.api.FindCartsOpenSince;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** The parameters of the abandoned-carts listing, checked so that a 400 names the one at fault. */
final class OpenCartsParameters {

    private OpenCartsParameters() {
    }

    static Duration age(String openLongerThan) {
        if (openLongerThan == null || openLongerThan.isBlank()) {
            throw new InvalidParameterException("openLongerThan", "openLongerThan is required: an ISO-8601 duration such as P14D");
        }
        Duration age;
        try {
            age = Duration.parse(openLongerThan.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("openLongerThan", "openLongerThan must be an ISO-8601 duration such as "
                    + "P14D or PT36H, was '" + openLongerThan + "'");
        }
        if (age.isNegative()) {
            throw new InvalidParameterException("openLongerThan", "openLongerThan must not be negative, was " + openLongerThan);
        }
        return age;
    }

    static int limit(String limit, int defaultLimit) {
        if (limit == null || limit.isBlank()) {
            return defaultLimit;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= FindCartsOpenSince.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw new InvalidParameterException("limit", "limit must be a whole number from 1 to "
                + FindCartsOpenSince.MAX_LIMIT + ", was '" + limit + "'");
    }
}
