package com.boxoffice.cart.web;

/** No cart, order or concert with that id (404). The views lag their events, so a new id may be unknown for a moment. */
class UnknownResourceException extends RuntimeException {

    private final String title;

    UnknownResourceException(String kind, String id) {
        super("No " + kind + " with id " + id);
        this.title = "Unknown " + kind;
    }

    String title() {
        return title;
    }
}
