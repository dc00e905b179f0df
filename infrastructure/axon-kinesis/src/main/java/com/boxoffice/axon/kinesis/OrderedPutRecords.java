package com.boxoffice.axon.kinesis;

import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.BuilderUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Writes records to the stream with {@code PutRecords} (at most 500 records and 5 MiB a request) and retries what
 * was not accepted, with exponential backoff, never letting a later record of a partition key be accepted before an
 * earlier one (see {@link OrderingMode}).
 * <p>
 * The rule after every response: per partition key, the records up to its first failed record are done; that record
 * and every later record of the key stay pending, in order. A whole-request failure (connection refused, throttled
 * call, stream missing) leaves everything pending. {@link #send} returns when all records were accepted and throws
 * {@link KinesisPublishException} when that did not happen within the retry duration (the caller's unit of work then
 * rolls back and its processor retries from its token, so nothing is lost).
 */
public class OrderedPutRecords {

    public static final int MAX_RECORDS = 500;
    public static final int MAX_REQUEST_BYTES = 5 * 1024 * 1024;
    public static final int MAX_RECORD_BYTES = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(OrderedPutRecords.class);
    /**
     * Between failed attempts: up to 50 ms after the first, doubling to at most 2 s. Full jitter keeps several
     * publishers from retrying in lockstep.
     */
    private static final BackoffStrategy BACKOFF = BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofSeconds(2));

    private final KinesisClient client;
    private final KinesisStreamProvisioner stream;
    private final OrderingMode ordering;
    private final Duration maxRetryDuration;
    private final PublishStatus status;

    /**
     * Builds the sender from a {@link Builder}, checking it first.
     *
     * @throws AxonConfigurationException when a required setting is missing
     */
    protected OrderedPutRecords(Builder builder) {
        builder.validate();
        this.client = builder.client;
        this.stream = builder.stream;
        this.ordering = builder.ordering;
        this.maxRetryDuration = builder.maxRetryDuration;
        this.status = builder.status;
    }

    /**
     * A builder. Required: {@link Builder#client} and {@link Builder#stream}. Defaults: {@link Builder#ordering}
     * {@link OrderingMode#STRICT}, {@link Builder#maxRetryDuration} 30 s, {@link Builder#status} a new
     * {@link PublishStatus}.
     */
    public static Builder builder() {
        return new Builder();
    }

    public void send(List<PendingRecord> records) {
        for (PendingRecord record : records) {
            if (record.size() > MAX_RECORD_BYTES) {
                throw new KinesisPublishException("event " + record.eventId() + " of aggregate " + record.partitionKey()
                        + " is " + record.size() + " bytes as a CloudEvent; Kinesis takes at most " + MAX_RECORD_BYTES);
            }
        }
        List<PendingRecord> pending = new ArrayList<>(records);
        long deadline = System.nanoTime() + maxRetryDuration.toNanos();
        int failures = 0;
        while (!pending.isEmpty()) {
            List<PendingRecord> request = nextRequest(pending);
            String error;
            boolean acceptedSome = false;
            try {
                stream.ensureActive();
                PutRecordsResponse response = client.putRecords(r -> r.streamName(stream.streamName())
                        .records(request.stream().map(OrderedPutRecords::entry).toList()));
                int before = pending.size();
                error = settle(request, response, pending);
                acceptedSome = pending.size() < before;
            } catch (ResourceNotFoundException missing) {
                stream.invalidate();
                error = "stream " + stream.streamName() + " not found: " + missing.getMessage();
            } catch (SdkException | KinesisPublishException callFailed) {
                error = callFailed.getClass().getSimpleName() + ": " + callFailed.getMessage();
            }
            if (error == null) {
                failures = 0;
                continue;
            }
            failures++;
            status.failed(error, acceptedSome);
            // Throttled records are routine on a busy stream; a failure streak is worth a warning.
            if (failures == 3 || failures % 20 == 0) {
                log.warn("Kinesis stream {}: {} records pending, attempt {} failed: {}", stream.streamName(),
                        pending.size(), failures, error);
            } else {
                log.debug("Kinesis stream {}: {} records pending, attempt {} failed: {}", stream.streamName(),
                        pending.size(), failures, error);
            }
            if (System.nanoTime() > deadline) {
                throw new KinesisPublishException(pending.size() + " of " + records.size() + " records not accepted by "
                        + "Kinesis stream " + stream.streamName() + " within " + maxRetryDuration + " (first pending: "
                        + "event " + pending.get(0).eventId() + " of " + pending.get(0).partitionKey() + "); last error: "
                        + error);
            }
            backoff(failures);
        }
    }

    /** The next request: a prefix of the pending records, or in STRICT mode the first pending record of each key. */
    List<PendingRecord> nextRequest(List<PendingRecord> pending) {
        List<PendingRecord> request = new ArrayList<>(Math.min(pending.size(), MAX_RECORDS));
        Set<String> keysSeen = new HashSet<>();
        long bytes = 0;
        for (PendingRecord record : pending) {
            boolean firstOfKey = keysSeen.add(record.partitionKey());
            if (ordering == OrderingMode.STRICT && !firstOfKey) {
                continue;
            }
            if (request.size() == MAX_RECORDS || bytes + record.size() > MAX_REQUEST_BYTES) {
                break;
            }
            request.add(record);
            bytes += record.size();
        }
        return request;
    }

    /** Removes what is done from {@code pending}; returns a description of the failures, null when there were none. */
    private String settle(List<PendingRecord> request, PutRecordsResponse response, List<PendingRecord> pending) {
        List<PutRecordsResultEntry> results = response.records();
        if (results.size() != request.size()) {
            return "PutRecords answered " + results.size() + " results for " + request.size() + " records";
        }
        Set<String> failedKeys = new HashSet<>();
        Set<PendingRecord> done = Collections.newSetFromMap(new IdentityHashMap<>());
        String firstError = null;
        Instant newest = null;
        for (int i = 0; i < results.size(); i++) {
            PendingRecord record = request.get(i);
            PutRecordsResultEntry result = results.get(i);
            if (result.errorCode() != null) {
                failedKeys.add(record.partitionKey());
                if (firstError == null) {
                    firstError = result.errorCode() + ": " + result.errorMessage();
                }
            } else if (!failedKeys.contains(record.partitionKey())) {
                done.add(record);
                newest = newest == null || record.timestamp().isAfter(newest) ? record.timestamp() : newest;
            }
        }
        pending.removeIf(done::contains);
        if (!done.isEmpty()) {
            status.accepted(done.size(), newest);
        }
        return failedKeys.isEmpty() ? null
                : (request.size() - done.size()) + " of " + request.size() + " records to resend (" + failedKeys.size()
                + " partition keys), e.g. " + firstError;
    }

    private static PutRecordsRequestEntry entry(PendingRecord record) {
        return PutRecordsRequestEntry.builder()
                .partitionKey(record.partitionKey())
                .data(SdkBytes.fromByteArrayUnsafe(record.data()))
                .build();
    }

    private static void backoff(int failures) {
        // The SDK numbers the attempt about to be made: after the first failure, attempt 2.
        long millis = BACKOFF.computeDelay(failures + 1).toMillis();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KinesisPublishException("interrupted while retrying PutRecords", e);
        }
    }

    /** Builds an {@link OrderedPutRecords}; each setter asserts its argument. */
    public static class Builder {

        private KinesisClient client;
        private KinesisStreamProvisioner stream;
        private OrderingMode ordering = OrderingMode.STRICT;
        private Duration maxRetryDuration = Duration.ofSeconds(30);
        private PublishStatus status = new PublishStatus();

        /** The Kinesis client the records are put with. Required. */
        public Builder client(KinesisClient client) {
            BuilderUtils.assertNonNull(client, "The KinesisClient may not be null");
            this.client = client;
            return this;
        }

        /** The stream, made ready before the first request. Required. */
        public Builder stream(KinesisStreamProvisioner stream) {
            BuilderUtils.assertNonNull(stream, "The stream may not be null");
            this.stream = stream;
            return this;
        }

        /** How records of one partition key share requests. Defaults to {@link OrderingMode#STRICT}. */
        public Builder ordering(OrderingMode ordering) {
            BuilderUtils.assertNonNull(ordering, "The OrderingMode may not be null");
            this.ordering = ordering;
            return this;
        }

        /** How long one {@link #send} retries before it gives up with {@link KinesisPublishException}. Defaults to 30 s. */
        public Builder maxRetryDuration(Duration maxRetryDuration) {
            BuilderUtils.assertThat(maxRetryDuration, d -> d != null && !d.isNegative() && !d.isZero(),
                    "The maximum retry duration must be positive");
            this.maxRetryDuration = maxRetryDuration;
            return this;
        }

        /** Where accepted records and failures are reported. Defaults to a new {@link PublishStatus}. */
        public Builder status(PublishStatus status) {
            BuilderUtils.assertNonNull(status, "The PublishStatus may not be null");
            this.status = status;
            return this;
        }

        public OrderedPutRecords build() {
            return new OrderedPutRecords(this);
        }

        /** @throws AxonConfigurationException when the client or the stream is missing */
        protected void validate() {
            BuilderUtils.assertNonNull(client, "The KinesisClient is a hard requirement and must be provided");
            BuilderUtils.assertNonNull(stream, "The stream is a hard requirement and must be provided");
        }
    }
}
