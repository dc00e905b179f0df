package com.boxoffice.axon.dynamodb.tokenstore;

import org.axonframework.eventhandling.TrackingToken;

import java.time.Instant;

/**
 * One stored segment of a processor, as {@link DynamoDbTokenStore#describe(String)} reads it.
 *
 * @param owner        the store that claims it, {@code null} when unclaimed
 * @param claimedAt    when that store last claimed or extended it (its clock), {@code null} when never claimed
 * @param claimExpired whether the claim is older than the claim timeout, so that any instance may take the segment
 * @param token        the position stored, {@code null} for the start of the stream
 */
public record ClaimedSegment(int segment, int mask, String owner, Instant claimedAt, boolean claimExpired,
                             TrackingToken token) {

    /** Claimed by a store other than {@code me}, and the claim still holds. */
    public boolean heldByAnotherThan(String me) {
        return owner != null && !owner.equals(me) && !claimExpired;
    }
}
