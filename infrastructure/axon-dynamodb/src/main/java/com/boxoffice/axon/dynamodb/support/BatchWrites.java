package com.boxoffice.axon.dynamodb.support;

import org.axonframework.common.BuilderUtils;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Writes puts and deletes to one table with {@code BatchWriteItem}, {@value #BATCH_WRITE_LIMIT} at a time, and sends
 * what DynamoDB leaves unprocessed (it throttled part of a batch) again, with exponential backoff and full jitter
 * between tries, until every request is written.
 * <p>
 * Not atomic: after a failure the requests of earlier batches are written and those of later ones are not. Use it
 * for idempotent writes (a put of the same item again, a delete), which a retry of the whole call completes.
 */
public final class BatchWrites {

    /** DynamoDB's limit of requests in one {@code BatchWriteItem}. */
    public static final int BATCH_WRITE_LIMIT = 25;
    /** Tries of one batch before its unprocessed requests are given up on. */
    static final int MAX_ATTEMPTS = 20;
    /** Before the second try of a batch up to 100 ms, doubling to at most 1 s. */
    private static final BackoffStrategy UNPROCESSED_BACKOFF =
            BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(1));

    private final DynamoDbClient client;
    private final String tableName;

    public BatchWrites(DynamoDbClient client, String tableName) {
        BuilderUtils.assertNonNull(client, "A DynamoDbClient is required");
        BuilderUtils.assertThat(tableName, name -> name != null && !name.isBlank(), "A table name is required");
        this.client = client;
        this.tableName = tableName;
    }

    /**
     * @throws IllegalStateException when a batch still had unprocessed requests after {@value #MAX_ATTEMPTS} tries, or
     *                               the thread was interrupted while waiting to try again
     */
    public void writeAll(List<WriteRequest> requests) {
        for (int from = 0; from < requests.size(); from += BATCH_WRITE_LIMIT) {
            write(requests.subList(from, Math.min(requests.size(), from + BATCH_WRITE_LIMIT)));
        }
    }

    private void write(List<WriteRequest> requests) {
        List<WriteRequest> pending = requests;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new IllegalStateException("Could not write " + pending.size() + " items of " + tableName
                        + " after " + MAX_ATTEMPTS + " attempts (throttled)");
            }
            // The SDK counts the first try as attempt 1, which waits for nothing.
            pause(UNPROCESSED_BACKOFF.computeDelay(attempt));
            List<WriteRequest> batch = pending;
            pending = client.batchWriteItem(r -> r.requestItems(Map.of(tableName, batch)))
                    .unprocessedItems().getOrDefault(tableName, List.of());
        }
    }

    private void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to table " + tableName, e);
        }
    }
}
