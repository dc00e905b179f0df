package com.boxoffice.kernel.admin;

import java.time.Instant;

/**
 * One segment of a processor, as the token store holds it, with what this instance knows when it processes it.
 *
 * @param owner        the instance that claims it ({@code pid@host/suffix}), {@code null} when unclaimed
 * @param claimedAt    its owner's last claim or extension
 * @param claimExpired whether that claim is older than the claim timeout (its owner stopped or died)
 * @param position     the stored token, readable: positions per partition of the log, or a replay's progress
 * @param lag          events of the stream between the token and the store's head; {@code null} when unknown
 * @param replaying    the token is a replay token
 * @param caughtUp     this instance processes it and has reached the head; {@code null} when another instance has it
 * @param error        this instance processes it and its last batch failed with this; else {@code null}
 */
public record SegmentStatus(int segment, int mask, String owner, Instant claimedAt, boolean claimExpired,
                            String position, Long lag, boolean replaying, Boolean caughtUp, String error) {
}
