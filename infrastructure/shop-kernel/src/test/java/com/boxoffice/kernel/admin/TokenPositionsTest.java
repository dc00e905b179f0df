package com.boxoffice.kernel.admin;

import com.boxoffice.axon.dynamodb.eventstore.PartitionedLogToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenPositionsTest {

    private final PartitionedLogToken head = new PartitionedLogToken(new long[]{5, 7});

    @Test
    void lagIsWhatEachPartitionHasStillToRead() {
        assertThat(TokenPositions.lag(new PartitionedLogToken(new long[]{5, 3}), head)).isEqualTo(4);
        assertThat(TokenPositions.lag(head, head)).isZero();
        assertThat(TokenPositions.lag(null, head)).as("from the start").isEqualTo(12);
    }

    @Test
    void aReplayLagsFromWhereItIsNow() {
        PartitionedLogToken atReset = new PartitionedLogToken(new long[]{5, 7});
        PartitionedLogToken now = new PartitionedLogToken(new long[]{2, 1});
        ReplayToken replay = (ReplayToken) ReplayToken.createReplayToken(atReset, now);
        assertThat(TokenPositions.lag(replay, head)).isEqualTo(9);
        assertThat(TokenPositions.describe(replay)).isEqualTo("replaying: at partitions [2, 1], until partitions [5, 7]");
    }

    @Test
    void otherTokensHaveNoKnownLag() {
        assertThat(TokenPositions.lag(new GlobalSequenceTrackingToken(3), head)).isNull();
        assertThat(TokenPositions.lag(new PartitionedLogToken(new long[]{1}), head)).as("other partition count").isNull();
        assertThat(TokenPositions.lag(head, null)).as("head unknown").isNull();
        assertThat(TokenPositions.describe(null)).isEqualTo("start of the stream");
        assertThat(TokenPositions.describe(head)).isEqualTo("partitions [5, 7]");
    }
}
