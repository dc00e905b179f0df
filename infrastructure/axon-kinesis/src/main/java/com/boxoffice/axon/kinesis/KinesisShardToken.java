package com.boxoffice.axon.kinesis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.eventhandling.TrackingToken;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * A position in a Kinesis stream: per shard, the sequence number of the last record handled, or {@value #SHARD_END}
 * once a closed shard (a parent after a reshard) was read to its end. A shard not in the map is read from its start
 * (TRIM_HORIZON), so the empty token is the tail of the stream.
 * <p>
 * Sequence numbers are decimal strings of up to 128 bits; they are compared as numbers. Kinesis gives no global order
 * across shards, so the token is a vector: it covers another when it is at or past it on every shard.
 */
public final class KinesisShardToken implements TrackingToken, Serializable {

    public static final String SHARD_END = "SHARD_END";
    @Serial
    private static final long serialVersionUID = 1L;

    private final TreeMap<String, String> positions;

    @JsonCreator
    public KinesisShardToken(@JsonProperty("positions") Map<String, String> positions) {
        this.positions = new TreeMap<>(positions == null ? Map.of() : positions);
    }

    /** The tail: every shard from its start. */
    public static KinesisShardToken tail() {
        return new KinesisShardToken(Map.of());
    }

    @JsonProperty("positions")
    public Map<String, String> positions() {
        return Collections.unmodifiableMap(positions);
    }

    /** The sequence number handled last on a shard, or {@value #SHARD_END}; empty when the shard is read from its start. */
    public Optional<String> position(String shardId) {
        return Optional.ofNullable(positions.get(shardId));
    }

    public boolean ended(String shardId) {
        return SHARD_END.equals(positions.get(shardId));
    }

    public KinesisShardToken advancedTo(String shardId, String sequenceNumber) {
        TreeMap<String, String> next = new TreeMap<>(positions);
        next.put(shardId, sequenceNumber);
        return new KinesisShardToken(next);
    }

    public KinesisShardToken shardEnded(String shardId) {
        return advancedTo(shardId, SHARD_END);
    }

    @Override
    public TrackingToken lowerBound(TrackingToken other) {
        KinesisShardToken that = cast(other);
        TreeMap<String, String> bound = new TreeMap<>();
        // A shard missing on one side is at its start there, so the lower bound has it at its start too.
        positions.forEach((shard, position) -> {
            String theirs = that.positions.get(shard);
            if (theirs != null) {
                bound.put(shard, compare(position, theirs) <= 0 ? position : theirs);
            }
        });
        return new KinesisShardToken(bound);
    }

    @Override
    public TrackingToken upperBound(TrackingToken other) {
        KinesisShardToken that = cast(other);
        TreeMap<String, String> bound = new TreeMap<>(positions);
        BinaryOperator<String> max = (a, b) -> compare(a, b) >= 0 ? a : b;
        that.positions.forEach((shard, position) -> bound.merge(shard, position, max));
        return new KinesisShardToken(bound);
    }

    @Override
    public boolean covers(TrackingToken other) {
        if (other == null) {
            return true;
        }
        KinesisShardToken that = cast(other);
        return that.positions.entrySet().stream().allMatch(theirs -> {
            String mine = positions.get(theirs.getKey());
            return mine != null && compare(mine, theirs.getValue()) >= 0;
        });
    }

    /** Orders two positions of one shard; {@value #SHARD_END} is after every sequence number. */
    static int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (SHARD_END.equals(a)) {
            return 1;
        }
        if (SHARD_END.equals(b)) {
            return -1;
        }
        return new BigInteger(a).compareTo(new BigInteger(b));
    }

    private static KinesisShardToken cast(TrackingToken other) {
        if (other instanceof KinesisShardToken token) {
            return token;
        }
        throw new IllegalArgumentException("cannot compare a Kinesis shard token with " + other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KinesisShardToken that && positions.equals(that.positions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(positions);
    }

    @Override
    public String toString() {
        return "KinesisShardToken" + positions;
    }
}
