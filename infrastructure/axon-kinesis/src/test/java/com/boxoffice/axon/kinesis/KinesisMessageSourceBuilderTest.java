package com.boxoffice.axon.kinesis;

import org.axonframework.common.AxonConfigurationException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The builder refuses what cannot work at once, and the hard requirements when building. */
class KinesisMessageSourceBuilderTest {

    @Test
    void settersRefuseInvalidValues() {
        KinesisMessageSource.Builder builder = KinesisMessageSource.builder();
        assertThatThrownBy(() -> builder.client(null)).isInstanceOf(AxonConfigurationException.class);
        assertThatThrownBy(() -> builder.streamName(" ")).isInstanceOf(AxonConfigurationException.class);
        assertThatThrownBy(() -> builder.mapper(null)).isInstanceOf(AxonConfigurationException.class);
        assertThatThrownBy(() -> builder.idlePollInterval(Duration.ZERO)).isInstanceOf(AxonConfigurationException.class);
        assertThatThrownBy(() -> builder.recordsPerCall(0)).isInstanceOf(AxonConfigurationException.class);
        assertThatThrownBy(() -> builder.recordsPerCall(10_001)).isInstanceOf(AxonConfigurationException.class);
    }

    @Test
    void clientAndStreamAreHardRequirements() {
        try (KinesisClient client = KinesisClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(() -> AwsBasicCredentials.create("x", "y")).build()) {
            assertThatThrownBy(() -> KinesisMessageSource.builder().streamName("events").build())
                    .isInstanceOf(AxonConfigurationException.class).hasMessageContaining("KinesisClient");
            assertThatThrownBy(() -> KinesisMessageSource.builder().client(client).build())
                    .isInstanceOf(AxonConfigurationException.class).hasMessageContaining("stream name");
            assertThat(KinesisMessageSource.builder().client(client).streamName("events").build().createTailToken())
                    .isEqualTo(KinesisShardToken.tail());
        }
    }
}
