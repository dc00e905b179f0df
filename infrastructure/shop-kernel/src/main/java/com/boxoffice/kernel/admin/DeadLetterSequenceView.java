package com.boxoffice.kernel.admin;

/**
 * A sequence of parked events (by default, one aggregate's): its first letter is the one that failed, the others
 * wait behind it.
 *
 * @param sequenceId the sequence identifier (the aggregate identifier), for retry and evict
 * @param letters    how many events it holds
 */
public record DeadLetterSequenceView(String sequenceId, long letters, DeadLetterView first, DeadLetterView last) {
}
