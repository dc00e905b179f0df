package com.boxoffice.kernel.web;

import java.util.UUID;

/**
 * No cart, order or concert with that id: 404. Ids are UUIDs; anything else names nothing and is answered the same,
 * without echoing it. Views lag their events, so a new id may be unknown for a moment.
 */
public class UnknownResourceException extends RuntimeException {

    private final String kind;

    public UnknownResourceException(String kind, String id) {
        super(isUuid(id) ? "No " + kind + " with id " + id : "No " + kind + " with that id: " + kind + " ids are UUIDs");
        this.kind = kind;
    }

    /** "concert", "cart", "order". */
    public String kind() {
        return kind;
    }

    public String title() {
        return "Unknown " + kind;
    }

    static boolean isUuid(String id) {
        return id != null && ApiValues.UUID_TEXT.matcher(id).matches();
    }

    /** A path id as a UUID; anything else is an unknown {@code kind}. */
    public static UUID parseId(String kind, String id) {
        if (!isUuid(id)) {
            throw new UnknownResourceException(kind, id);
        }
        return UUID.fromString(id);
    }
}
