package com.boxoffice.axon.kinesis;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import java.time.Duration;
import java.util.Objects;

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
 * the head token is the tail too and tokens at a point in time are not supported.
 */
public final class KinesisMessageSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final KinesisClient client;
    private final String streamName;
    private final CloudEventsMapper mapper;
    private final Duration idlePollInterval;
    private final int recordsPerCall;

    private KinesisMessageSource(Builder builder) {
        this.client = Objects.requireNonNull(builder.client, "client");
        this.streamName = Objects.requireNonNull(builder.streamName, "streamName");
        this.mapper = builder.mapper;
        this.idlePollInterval = builder.idlePollInterval;
        this.recordsPerCall = builder.recordsPerCall;
    }

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

    public static final class Builder {
        private KinesisClient client;
        private String streamName;
        private CloudEventsMapper mapper = CloudEventsMapper.defaults();
        private Duration idlePollInterval = Duration.ofMillis(200);
        private int recordsPerCall = 1000;

        public Builder client(KinesisClient client) {
            this.client = client;
            return this;
        }

        public Builder streamName(String streamName) {
            this.streamName = streamName;
            return this;
        }

        public Builder mapper(CloudEventsMapper mapper) {
            this.mapper = mapper;
            return this;
        }

        /** How long to wait between GetRecords when every shard is caught up (Kinesis allows 5 a second per shard). */
        public Builder idlePollInterval(Duration idlePollInterval) {
            this.idlePollInterval = idlePollInterval;
            return this;
        }

        /** GetRecords limit (1 to 10,000). */
        public Builder recordsPerCall(int recordsPerCall) {
            this.recordsPerCall = recordsPerCall;
            return this;
        }

        public KinesisMessageSource build() {
            return new KinesisMessageSource(this);
        }
    }
}
