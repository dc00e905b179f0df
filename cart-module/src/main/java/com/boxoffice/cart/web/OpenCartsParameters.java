package com.boxoffice.cart.web;

import com.boxoffice.cart.api.FindCartsOpenSince;
import com.boxoffice.kernel.web.ApiValues;

import java.time.Duration;

/** The parameters of the abandoned-carts listing, checked so that a 400 names the one at fault. */
final class OpenCartsParameters {

    /** Carts are not kept open for longer than this in any shop: a longer age lists nothing and means a typo. */
    static final Duration MAX_AGE = Duration.ofDays(3650);
    static final String AGE_RULE = "an ISO-8601 duration from PT0S to P3650D, such as P14D or PT36H";

    private OpenCartsParameters() {
    }

    static Duration age(String openLongerThan) {
        return ApiValues.duration("openLongerThan", openLongerThan, MAX_AGE, AGE_RULE);
    }

    static int limit(String limit, int defaultLimit) {
        return ApiValues.wholeNumber("limit", limit, 1, FindCartsOpenSince.MAX_LIMIT, defaultLimit);
    }
}
