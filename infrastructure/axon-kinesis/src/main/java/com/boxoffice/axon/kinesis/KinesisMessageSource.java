package com.boxoffice.axon.kinesis;

import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import java.time.Duration;

import static org.axonframework.common.BuilderUtils.assertNonNull;
import static org.axonframework.common.BuilderUtils.assertThat;

/**
 * The all-events stream as an Axon event source: another application runs a tracking or pooled streaming processor
 * on it, with {@link KinesisShardToken}s in its own token store, and resumes where it stopped.
 * <p>
 * Every shard is read, including closed parents after a reshard: a child shard is read only after its parents were
 * read to their ends, so one aggregate's records stay in order across a reshard. Records are CloudEvents written by
 * {@link KinesisPublisher} and come back as event messages with their original identifier, timestamp, aggregate
 * identifier, type, sequence number and metadata ({@link CloudEventsMapper}).
 * <p>
 * The stream is at-least-once: a record re-published after a failure comes again with the same event identifier.
 * Only the tail is a known position: Kinesis cannot tell the last sequence number of a shard without reading it, so
 * the head token is the tail too and tokens at a point in time are not supported. Build one with {@link #builder()}.
 */
public class KinesisMessageSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final KinesisClient client;
    private final String streamName;
    private final CloudEventsMapper mapper;
    private final Duration idlePollInterval;
    private final int recordsPerCall;

    /**
     * Instantiates a message source from a {@link Builder}, validating it first (an {@link AxonConfigurationException}
     * names what is missing).
     */
    protected KinesisMessageSource(Builder builder) {
        builder.validate();
        this.client = builder.client;
        this.streamName = builder.streamName;
        this.mapper = builder.mapper;
        this.idlePollInterval = builder.idlePollInterval;
        this.recordsPerCall = builder.recordsPerCall;
    }

    /** A builder; see {@link Builder} for what it needs and its defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        KinesisShardToken start;
        if (trackingToken == null) {
            start = KinesisShardToken.tail();
        } else if (trackingToken instanceof KinesisShardToken token) {
            start = token;
        } else {
            throw new IllegalArgumentException("Kinesis stream " + streamName + " cannot start at " + trackingToken
                    + "; it needs a KinesisShardToken");
        }
        return new KinesisEventStream(client, streamName, mapper, start, idlePollInterval, recordsPerCall);
    }

    @Override
    public TrackingToken createTailToken() {
        return KinesisShardToken.tail();
    }

    /**
     * The tail as well: Kinesis does not tell the last sequence number of a shard without reading it. Axon's pooled
     * processor starts a new processor at {@code ReplayToken(head)} by default, so a new consumer reads everything the
     * stream retains, like a Kafka consumer at {@code earliest}, and (the tail covering itself) not as a replay.
     */
    @Override
    public TrackingToken createHeadToken() {
        return KinesisShardToken.tail();
    }

    /**
     * Builds a {@link KinesisMessageSource}.
     * <p>
     * Hard requirements: the {@link #client(KinesisClient) client} and the {@link #streamName(String) stream name}.
     * Defaults: {@link CloudEventsMapper#defaults() the default CloudEvents mapper}, an
     * {@link #idlePollInterval(Duration) idle poll interval} of 200 ms and {@link #recordsPerCall(int) 1,000 records}
     * per GetRecords. Setters refuse invalid values at once with an {@link AxonConfigurationException}.
     */
    public static class Builder {

        private KinesisClient client;
        private String streamName;
        private CloudEventsMapper mapper = CloudEventsMapper.defaults();
        private Duration idlePollInterval = Duration.ofMillis(200);
        private int recordsPerCall = 1000;

        /** The client the stream is read with. Required. */
        public Builder client(KinesisClient client) {
            assertNonNull(client, "The KinesisClient may not be null");
            this.client = client;
            return this;
        }

        /** The stream the publisher writes to. Required. */
        public Builder streamName(String streamName) {
            assertThat(streamName, name -> name != null && !name.isBlank(), "The stream name may not be null or blank");
            this.streamName = streamName;
            return this;
        }

        /** Turns records back into event messages; it must read what the publisher's mapper wrote. */
        public Builder mapper(CloudEventsMapper mapper) {
            assertNonNull(mapper, "The CloudEventsMapper may not be null");
            this.mapper = mapper;
            return this;
        }

        /**
         * How long to wait between GetRecords when every shard is caught up (Kinesis allows 5 a second per shard);
         * positive. Default 200 ms.
         */
        public Builder idlePollInterval(Duration idlePollInterval) {
            assertThat(idlePollInterval, interval -> interval != null && !interval.isNegative() && !interval.isZero(),
                    "The idle poll interval must be positive, was " + idlePollInterval);
            this.idlePollInterval = idlePollInterval;
            return this;
        }

        /** GetRecords limit, 1 to 10,000 (Kinesis's range). Default 1,000. */
        public Builder recordsPerCall(int recordsPerCall) {
            assertThat(recordsPerCall, limit -> limit >= 1 && limit <= 10_000,
                    "recordsPerCall must be 1..10000, was " + recordsPerCall);
            this.recordsPerCall = recordsPerCall;
            return this;
        }

        /** Checks the hard requirements; the message source's constructor calls it. */
        protected void validate() throws AxonConfigurationException {
            assertNonNull(client, "The KinesisClient is a hard requirement and should be provided");
            assertNonNull(streamName, "The stream name is a hard requirement and should be provided");
        }

        /** @throws AxonConfigurationException when a hard requirement is missing */
        public KinesisMessageSource build() {
            return new KinesisMessageSource(this);
        }
    }
}
