package com.boxoffice.kernel.admin;

import java.util.List;

/**
 * What a retry did.
 *
 * @param sequences each sequence retried, with its outcome
 * @param drained   sequences now handled in full and gone from the queue
 * @param parked    sequences still parked (a letter failed again, or another instance was retrying it)
 */
public record DeadLetterRetry(String group, List<Sequence> sequences, int drained, int parked) {

    /**
     * @param outcome   {@code DRAINED}: every letter was handled and the sequence is gone; {@code PARKED}: a letter
     *                  failed again (see {@code cause}) or the sequence was claimed by another instance's retry
     * @param remaining letters still parked in the sequence
     * @param head      the sequence's first letter when still parked, with the latest cause
     */
    public record Sequence(String sequenceId, String outcome, long remaining, DeadLetterView head) {
    }

    static DeadLetterRetry of(String group, List<Sequence> sequences) {
        int drained = (int) sequences.stream().filter(s -> s.outcome().equals(DeadLetterAdminService.DRAINED)).count();
        return new DeadLetterRetry(group, sequences, drained, sequences.size() - drained);
    }
}
