package com.boxoffice.axon.kinesis;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One reader of the stream, on the caller's thread: polls every readable shard with GetRecords, buffers the records
 * as event messages and hands them out with a token that moves one shard at a time.
 * <p>
 * Kinesis or the network being away makes the stream wait (and log), not fail: the processor just sees nothing
 * available until it is back.
 */
final class KinesisEventStream implements BlockingStream<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(KinesisEventStream.class);
    private static final Duration SHARD_REFRESH = Duration.ofSeconds(30);
    /** While reading fails: up to 200 ms after the first failure, doubling to at most 5 s. */
    private static final BackoffStrategy ERROR_BACKOFF = BackoffStrategy.exponentialDelay(Duration.ofMillis(200), Duration.ofSeconds(5));

    private final KinesisClient client;
    private final String streamName;
    private final CloudEventsMapper mapper;
    private final Duration idlePollInterval;
    private final int recordsPerCall;
    private final ArrayDeque<TrackedEventMessage<?>> buffer = new ArrayDeque<>();
    /** Shards being read, with their next iterator. */
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private KinesisShardToken token;
    private long nextShardRefresh;
    private int consecutiveErrors;
    private volatile boolean closed;

    KinesisEventStream(KinesisClient client, String streamName, CloudEventsMapper mapper, KinesisShardToken start,
                       Duration idlePollInterval, int recordsPerCall) {
        this.client = client;
        this.streamName = streamName;
        this.mapper = mapper;
        this.token = start;
        this.idlePollInterval = idlePollInterval;
        this.recordsPerCall = recordsPerCall;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        if (buffer.isEmpty()) {
            pollOnce();
        }
        return Optional.ofNullable(buffer.peek());
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (buffer.isEmpty() && !closed) {
            boolean gotSome = pollOnce();
            if (!buffer.isEmpty()) {
                break;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (!gotSome) {
                // The SDK numbers the attempt about to be made: after the first failure, attempt 2.
                long pause = consecutiveErrors > 0 ? ERROR_BACKOFF.computeDelay(consecutiveErrors + 1).toMillis()
                        : idlePollInterval.toMillis();
                TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(pause)));
            }
        }
        return !buffer.isEmpty();
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
            if (closed) {
                throw new IllegalStateException("the Kinesis stream " + streamName + " reader is closed");
            }
        }
        return buffer.poll();
    }

    @Override
    public void close() {
        closed = true;
    }

    /** One GetRecords per readable shard; true when any shard still had records behind (poll again at once). */
    private boolean pollOnce() {
        try {
            if (iterators.isEmpty() || System.nanoTime() > nextShardRefresh) {
                refreshShards();
            }
            boolean behind = false;
            for (String shardId : new ArrayList<>(iterators.keySet())) {
                behind |= read(shardId);
            }
            consecutiveErrors = 0;
            return behind;
        } catch (SdkException e) {
            consecutiveErrors++;
            if (consecutiveErrors == 1 || consecutiveErrors % 50 == 0) {
                log.warn("Reading Kinesis stream {} failed ({} times in a row), retrying: {}", streamName,
                        consecutiveErrors, e.getMessage());
            }
            // Iterators may be stale after an outage; they are rebuilt from the token.
            iterators.clear();
            return false;
        }
    }

    private boolean read(String shardId) {
        GetRecordsResponse response;
        try {
            response = client.getRecords(r -> r.shardIterator(iterators.get(shardId)).limit(recordsPerCall));
        } catch (ExpiredIteratorException expired) {
            iterators.put(shardId, iteratorFor(shardId));
            return true;
        }
        for (Record record : response.records()) {
            token = token.advancedTo(shardId, record.sequenceNumber());
            buffer.add(mapper.fromCloudEvent(record.data().asByteArrayUnsafe(), token));
        }
        if (response.nextShardIterator() == null) {
            // A closed shard read to its end: its children become readable.
            token = token.shardEnded(shardId);
            iterators.remove(shardId);
            nextShardRefresh = 0;
            return true;
        }
        iterators.put(shardId, response.nextShardIterator());
        Long millisBehind = response.millisBehindLatest();
        return !response.records().isEmpty() || (millisBehind != null && millisBehind > 0);
    }

    /** Starts reading every shard that is not finished and whose parents are finished (or expired). */
    private void refreshShards() {
        Map<String, Shard> shards = new HashMap<>();
        String next = null;
        do {
            String page = next;
            ListShardsResponse response = page == null
                    ? client.listShards(r -> r.streamName(streamName))
                    : client.listShards(r -> r.nextToken(page));
            response.shards().forEach(shard -> shards.put(shard.shardId(), shard));
            next = response.nextToken();
        } while (next != null);
        for (Shard shard : shards.values()) {
            String id = shard.shardId();
            if (iterators.containsKey(id) || token.ended(id)
                    || unfinished(shard.parentShardId(), shards) || unfinished(shard.adjacentParentShardId(), shards)) {
                continue;
            }
            iterators.put(id, iteratorFor(id));
        }
        nextShardRefresh = System.nanoTime() + SHARD_REFRESH.toNanos();
    }

    private boolean unfinished(String parentId, Map<String, Shard> shards) {
        return parentId != null && shards.containsKey(parentId) && !token.ended(parentId);
    }

    private String iteratorFor(String shardId) {
        Optional<String> position = token.position(shardId);
        return client.getShardIterator(r -> {
            r.streamName(streamName).shardId(shardId);
            position.ifPresentOrElse(
                    sequence -> r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).startingSequenceNumber(sequence),
                    () -> r.shardIteratorType(ShardIteratorType.TRIM_HORIZON));
        }).shardIterator();
    }
}
