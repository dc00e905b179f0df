package com.boxoffice.kernel.admin;

import java.util.List;

/**
 * What one processing group has parked.
 *
 * @param letters   parked events in all sequences
 * @param sequences how many sequences (aggregates) are parked
 * @param shown     the first {@code limit} of those sequences
 * @param truncated whether there are more than shown
 */
public record DeadLetterGroupView(String group, long letters, long sequences, List<DeadLetterSequenceView> shown,
                                  boolean truncated) {
}
