package com.boxoffice.kernel.admin;

/** No event processor of that name in this application: 404. */
public final class UnknownProcessorException extends RuntimeException {

    UnknownProcessorException(String name) {
        super("No event processor named '" + name + "'; GET /api/admin/processors lists them");
    }
}
