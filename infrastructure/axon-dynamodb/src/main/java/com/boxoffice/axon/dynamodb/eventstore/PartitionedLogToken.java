package com.boxoffice.axon.dynamodb.eventstore;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.eventhandling.TrackingToken;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * A position in the global stream: for each log partition, the position of the last event consumed (0 = none).
 * <p>
 * Like a Kafka consumer's offsets: positions are gapless and ordered within a partition, unordered between partitions.
 * So a token covers another when it is at or past it in every partition, the lower bound of two tokens is the
 * element-wise minimum and the upper bound the element-wise maximum. Those are what Axon's {@code ReplayToken} and
 * {@code MergedTrackingToken} (segment merges) need.
 */
public final class PartitionedLogToken implements TrackingToken, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long[] positions;

    @JsonCreator
    public PartitionedLogToken(@JsonProperty("positions") long[] positions) {
        if (positions == null || positions.length == 0) {
            throw new IllegalArgumentException("A token needs one position per partition");
        }
        for (long position : positions) {
            if (position < 0) {
                throw new IllegalArgumentException("Positions start at 0: " + Arrays.toString(positions));
            }
        }
        this.positions = positions.clone();
    }

    /** The token before the first event of every partition. */
    public static PartitionedLogToken tail(int partitions) {
        return new PartitionedLogToken(new long[partitions]);
    }

    @JsonGetter("positions")
    public long[] positions() {
        return positions.clone();
    }

    public int partitions() {
        return positions.length;
    }

    public long position(int partition) {
        return positions[partition];
    }

    /** This token, moved to {@code position} in {@code partition}. */
    public PartitionedLogToken advancedTo(int partition, long position) {
        long[] next = positions.clone();
        next[partition] = position;
        return new PartitionedLogToken(next);
    }

    @Override
    public TrackingToken lowerBound(TrackingToken other) {
        long[] those = positionsOf(other);
        long[] lower = new long[positions.length];
        for (int p = 0; p < lower.length; p++) {
            lower[p] = Math.min(positions[p], those[p]);
        }
        return new PartitionedLogToken(lower);
    }

    @Override
    public TrackingToken upperBound(TrackingToken other) {
        long[] those = positionsOf(other);
        long[] upper = new long[positions.length];
        for (int p = 0; p < upper.length; p++) {
            upper[p] = Math.max(positions[p], those[p]);
        }
        return new PartitionedLogToken(upper);
    }

    @Override
    public boolean covers(TrackingToken other) {
        if (other == null) {
            return true;
        }
        long[] those = positionsOf(other);
        for (int p = 0; p < positions.length; p++) {
            if (positions[p] < those[p]) {
                return false;
            }
        }
        return true;
    }

    /** The number of events consumed in all partitions: grows with every event, so Axon can show progress. */
    @Override
    public OptionalLong position() {
        return OptionalLong.of(Arrays.stream(positions).sum());
    }

    private long[] positionsOf(TrackingToken other) {
        if (!(other instanceof PartitionedLogToken token)) {
            throw new IllegalArgumentException("Cannot compare a PartitionedLogToken with " + other);
        }
        if (token.positions.length != positions.length) {
            throw new IllegalArgumentException("Tokens of " + positions.length + " and " + token.positions.length
                    + " partitions cannot be compared: the partition count of a store is fixed");
        }
        return token.positions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartitionedLogToken that && Arrays.equals(positions, that.positions);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(positions);
    }

    @Override
    public String toString() {
        return "PartitionedLogToken" + Arrays.toString(positions);
    }
}
