package com.boxoffice.axon.kinesis;

import com.boxoffice.testing.KinesisEmulator;
import org.axonframework.common.AxonConfigurationException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The publishing handler and its sender refuse a configuration they cannot work with, as they are built. */
class PublisherBuildersTest {

    @Test
    void thePublisherNeedsASender() {
        assertThatThrownBy(() -> KinesisPublisher.builder().build())
                .isInstanceOf(AxonConfigurationException.class).hasMessageContaining("OrderedPutRecords");
        assertThatThrownBy(() -> KinesisPublisher.builder().mapper(null))
                .isInstanceOf(AxonConfigurationException.class);
        assertThatThrownBy(() -> KinesisPublisher.builder().status(null))
                .isInstanceOf(AxonConfigurationException.class);
    }

    @Test
    void theSenderNeedsAClientAndAStreamAndAPositiveRetryDuration() {
        // Nothing is sent: the client only has to exist.
        try (KinesisClient client = KinesisEmulator.newClient(URI.create("http://127.0.0.1:1"), b -> {
        })) {
            KinesisStreamProvisioner stream = new KinesisStreamProvisioner(client, "never-used", false, 1);
            assertThatThrownBy(() -> OrderedPutRecords.builder().stream(stream).build())
                    .isInstanceOf(AxonConfigurationException.class).hasMessageContaining("KinesisClient");
            assertThatThrownBy(() -> OrderedPutRecords.builder().client(client).build())
                    .isInstanceOf(AxonConfigurationException.class).hasMessageContaining("stream");
            assertThatThrownBy(() -> OrderedPutRecords.builder().maxRetryDuration(Duration.ZERO))
                    .isInstanceOf(AxonConfigurationException.class);
            assertThatThrownBy(() -> OrderedPutRecords.builder().ordering(null))
                    .isInstanceOf(AxonConfigurationException.class);

            PublishStatus status = new PublishStatus();
            KinesisPublisher publisher = KinesisPublisher.builder()
                    .putRecords(OrderedPutRecords.builder().client(client).stream(stream).build())
                    .status(status)
                    .build();
            assertThat(publisher.status()).isSameAs(status);
        }
    }
}
