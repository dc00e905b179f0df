package com.boxoffice.axon.dynamodb.eventstore;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import com.boxoffice.axon.dynamodb.serialization.TrackingTokenTyping;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartitionedLogTokenTest {

    private final PartitionedLogToken a = new PartitionedLogToken(new long[]{3, 0, 7});
    private final PartitionedLogToken b = new PartitionedLogToken(new long[]{1, 4, 7});

    @Test
    void coversWhenAtOrPastInEveryPartition() {
        assertThat(a.covers(a)).isTrue();
        assertThat(a.covers(b)).isFalse();
        assertThat(b.covers(a)).isFalse();
        assertThat(a.upperBound(b).covers(a)).isTrue();
        assertThat(a.upperBound(b).covers(b)).isTrue();
        assertThat(a.covers(null)).isTrue();
    }

    @Test
    void boundsAreElementWise() {
        assertThat(a.lowerBound(b)).isEqualTo(new PartitionedLogToken(new long[]{1, 0, 7}));
        assertThat(a.upperBound(b)).isEqualTo(new PartitionedLogToken(new long[]{3, 4, 7}));
        assertThat(a.position()).hasValue(10);
    }

    @Test
    void tokensOfOtherShapesAreRefused() {
        assertThatThrownBy(() -> a.covers(new GlobalSequenceTrackingToken(3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.covers(PartitionedLogToken.tail(2))).hasMessageContaining("partition count");
    }

    @Test
    void worksInsideAxonsReplayAndMergedTokens() {
        TrackingToken replay = ReplayToken.createReplayToken(a, PartitionedLogToken.tail(3));
        assertThat(ReplayToken.isReplay(replay)).isTrue();
        // At the reset position the event was handled before the reset: still a replay; one past it is new.
        assertThat(ReplayToken.isReplay(((ReplayToken) replay).advancedTo(a))).isTrue();
        TrackingToken advanced = ((ReplayToken) replay).advancedTo(new PartitionedLogToken(new long[]{3, 1, 7}));
        assertThat(ReplayToken.isReplay(advanced)).isFalse();

        MergedTrackingToken merged = new MergedTrackingToken(a, b);
        assertThat(merged.lowerBound()).isEqualTo(new PartitionedLogToken(new long[]{1, 0, 7}));
        assertThat(merged.covers(new PartitionedLogToken(new long[]{1, 0, 7}))).isTrue();
    }

    @Test
    void roundTripsThroughTheJackson3Serializer() {
        Serializer serializer = Jackson3Serializer.builder().jsonMapperBuilderCustomizer(TrackingTokenTyping.customizer()).build();
        SerializedObject<byte[]> serialized = serializer.serialize(a, byte[].class);
        Object back = serializer.deserialize(new SimpleSerializedObject<>(serialized.getData(), byte[].class, serialized.getType()));
        assertThat(back).isEqualTo(a);

        TrackingToken replay = ReplayToken.createReplayToken(a, b);
        SerializedObject<byte[]> serializedReplay = serializer.serialize(replay, byte[].class);
        assertThat((Object) serializer.deserialize(serializedReplay)).isEqualTo(replay);
    }

    @Test
    void positionsAreNeverNegative() {
        assertThatThrownBy(() -> new PartitionedLogToken(new long[]{-1})).isInstanceOf(IllegalArgumentException.class);
    }
}
