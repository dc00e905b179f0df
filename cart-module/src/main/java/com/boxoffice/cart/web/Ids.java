package com.boxoffice.cart.web;

import java.util.UUID;

/** Path ids: one that is no UUID names nothing, so it is a 404 like any other unknown id. */
final class Ids {

    private Ids() {
    }

    static UUID parse(String kind, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new UnknownResourceException(kind, id);
        }
    }
}
