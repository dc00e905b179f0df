package com.boxoffice.kernel.admin;

/** No dead-letter queue for that processing group (no such group, or it does not park its failures): 404. */
public final class UnknownDeadLetterQueueException extends RuntimeException {

    UnknownDeadLetterQueueException(String group) {
        super("Processing group '" + group + "' has no dead-letter queue; GET /api/admin/dead-letters lists those that do");
    }
}
