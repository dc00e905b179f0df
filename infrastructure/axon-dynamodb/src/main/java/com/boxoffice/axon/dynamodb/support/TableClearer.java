package com.boxoffice.axon.dynamodb.support;

import org.axonframework.common.BuilderUtils;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes every item of one table, for a projection's reset before a replay: a scan that reads only the keys, pages
 * followed by the SDK's paginator, and {@link BatchWrites} of deletes per {@value #BATCH_WRITE_LIMIT} keys (items
 * DynamoDB leaves unprocessed are sent again, with backoff).
 * <p>
 * A scan reads the whole table: for resets only, never on a request's path. Clearing is not atomic: after a failure
 * part of the table is gone and clearing again finishes the job; items written while it runs may stay.
 */
public final class TableClearer {

    /** DynamoDB's limit of requests in one {@code BatchWriteItem}. */
    public static final int BATCH_WRITE_LIMIT = BatchWrites.BATCH_WRITE_LIMIT;

    private final DynamoDbClient client;
    private final BatchWrites writes;
    private final ScanRequest keysOnly;

    /**
     * @param client        the client to clear the table with
     * @param tableName     the table to clear
     * @param keyAttributes the table's key attributes: its partition key, and its sort key if it has one
     */
    public TableClearer(DynamoDbClient client, String tableName, String... keyAttributes) {
        BuilderUtils.assertNonNull(client, "A DynamoDbClient is required");
        BuilderUtils.assertThat(tableName, name -> name != null && !name.isBlank(), "A table name is required");
        BuilderUtils.assertThat(keyAttributes, keys -> keys != null && keys.length >= 1 && keys.length <= 2,
                "A table has one or two key attributes (partition key, sort key)");
        this.client = client;
        this.writes = new BatchWrites(client, tableName);
        // Placeholders for the names: key attributes may be called like DynamoDB's reserved words.
        Map<String, String> names = new LinkedHashMap<>();
        for (String key : keyAttributes) {
            names.put("#k" + names.size(), key);
        }
        this.keysOnly = ScanRequest.builder().tableName(tableName)
                .projectionExpression(String.join(", ", names.keySet())).expressionAttributeNames(names).build();
    }

    /**
     * Deletes every item the scan finds.
     *
     * @return the number of items deleted
     * @throws IllegalStateException when a batch still had unprocessed items after {@value BatchWrites#MAX_ATTEMPTS} tries, or
     *                               the thread was interrupted while waiting to try again
     */
    public long clear() {
        List<WriteRequest> batch = new ArrayList<>(BATCH_WRITE_LIMIT);
        long deleted = 0;
        for (Map<String, AttributeValue> item : client.scanPaginator(keysOnly).items()) {
            batch.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(item).build()).build());
            if (batch.size() == BATCH_WRITE_LIMIT) {
                deleted += delete(batch);
                batch = new ArrayList<>(BATCH_WRITE_LIMIT);
            }
        }
        return deleted + delete(batch);
    }

    private int delete(List<WriteRequest> deletes) {
        writes.writeAll(deletes);
        return deletes.size();
    }
}
