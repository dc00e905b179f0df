package com.boxoffice.kernel.admin;

/** Nothing parked under that sequence identifier in that group: 404. */
public final class UnknownDeadLetterSequenceException extends RuntimeException {

    UnknownDeadLetterSequenceException(String group, String sequenceId) {
        super("Processing group '" + group + "' has nothing parked for sequence '" + sequenceId + "'");
    }
}
