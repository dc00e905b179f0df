package com.boxoffice.axon.kinesis;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KinesisShardTokenTest {

    // Real Kinesis sequence numbers are 56 digits: more than a long holds.
    private static final String SMALL = "49680468623822694563013280783134647912866063396936613890";
    private static final String BIG = "49680468623822694563013280783134647912866063396936613999";
    private static final String SHORTER = "9680468623822694563013280783134647912866063396936613999";

    @Test
    void roundTripsThroughAxonsJackson3Serializer() {
        Jackson3Serializer serializer = Jackson3Serializer.builder().build();
        KinesisShardToken token = new KinesisShardToken(Map.of("shardId-000000000000", SMALL,
                "shardId-000000000001", KinesisShardToken.SHARD_END));

        SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
        Object back = serializer.deserialize(serialized);

        assertThat(back).isEqualTo(token);
        assertThat(new String(serialized.getData())).contains("shardId-000000000000", SMALL);
    }

    @Test
    void comparesSequenceNumbersAsNumbers() {
        KinesisShardToken small = KinesisShardToken.tail().advancedTo("s0", SMALL);
        KinesisShardToken big = KinesisShardToken.tail().advancedTo("s0", BIG);
        KinesisShardToken shorter = KinesisShardToken.tail().advancedTo("s0", SHORTER);

        assertThat(big.covers(small)).isTrue();
        assertThat(small.covers(big)).isFalse();
        assertThat(small.covers(shorter)).as("56 digits beat 55").isTrue();
        assertThat(small.covers(small)).isTrue();
        assertThat(small.shardEnded("s0").covers(big)).isTrue();
    }

    @Test
    void coversOnlyWhenAtOrPastTheOtherOnEveryShard() {
        KinesisShardToken a = new KinesisShardToken(Map.of("s0", BIG, "s1", SMALL));
        KinesisShardToken b = new KinesisShardToken(Map.of("s0", SMALL, "s1", BIG));

        assertThat(a.covers(b)).isFalse();
        assertThat(b.covers(a)).isFalse();
        assertThat(a.covers(KinesisShardToken.tail())).isTrue();
        assertThat(KinesisShardToken.tail().covers(a)).isFalse();
        assertThat(a.covers(null)).isTrue();
    }

    @Test
    void boundsArePerShard() {
        KinesisShardToken a = new KinesisShardToken(Map.of("s0", BIG, "s1", SMALL, "s2", SMALL));
        KinesisShardToken b = new KinesisShardToken(Map.of("s0", SMALL, "s1", BIG));

        assertThat(a.lowerBound(b)).isEqualTo(new KinesisShardToken(Map.of("s0", SMALL, "s1", SMALL)));
        assertThat(a.upperBound(b)).isEqualTo(new KinesisShardToken(Map.of("s0", BIG, "s1", BIG, "s2", SMALL)));
        assertThat(a.upperBound(b).covers(a)).isTrue();
        assertThat(a.covers(a.lowerBound(b))).isTrue();
        assertThat(b.covers(a.lowerBound(b))).isTrue();
    }

    @Test
    void refusesOtherTokenTypes() {
        assertThatThrownBy(() -> KinesisShardToken.tail().covers(new GlobalSequenceTrackingToken(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot compare a Kinesis shard token");
    }
}
