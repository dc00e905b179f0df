package com.boxoffice.axon.springboot.dynamodb;

import com.boxoffice.axon.springboot.dynamodb.DynamoDbConnection;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code dynamoDb} health: UP when every table the event and token stores need is {@code ACTIVE}; DOWN when a
 * table is missing or not active, or when DynamoDB does not answer. Unlike Kinesis, DynamoDB being gone stops the
 * shop (no command can store its events), so DOWN is the honest answer.
 * <p>
 * One {@code DescribeTable} per table, each bounded by {@code timeout} including the SDK's retries; the first table
 * that cannot be asked ends the check, so an unreachable DynamoDB costs one timeout, not one per table. Describing a
 * table reads no item and consumes no capacity; to probe less often than the health endpoint is called, set
 * {@code management.endpoint.health.cache.time-to-live}.
 */
public final class DynamoDbHealthIndicator extends AbstractHealthIndicator {

    static final String MISSING = "MISSING";
    static final String UNKNOWN = "UNKNOWN";

    private final DynamoDbClient client;
    private final DynamoDbConnection connection;
    private final List<String> tables;
    private final Duration timeout;

    public DynamoDbHealthIndicator(DynamoDbClient client, DynamoDbConnection connection, List<String> tables,
                                   Duration timeout) {
        super("DynamoDB health check failed");
        this.client = client;
        this.connection = connection;
        this.tables = List.copyOf(tables);
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("mode", connection.mode().name());
        connection.endpoint().ifPresent(endpoint -> builder.withDetail("endpoint", endpoint.toString()));
        connection.region().ifPresent(region -> builder.withDetail("region", region.id()));
        Map<String, String> statuses = new LinkedHashMap<>();
        tables.forEach(table -> statuses.put(table, UNKNOWN));
        boolean allActive = true;
        for (String table : tables) {
            try {
                TableStatus status = client.describeTable(r -> r.tableName(table)
                        .overrideConfiguration(o -> o.apiCallTimeout(timeout))).table().tableStatus();
                statuses.put(table, String.valueOf(status));
                allActive &= status == TableStatus.ACTIVE;
            } catch (ResourceNotFoundException e) {
                statuses.put(table, MISSING);
                allActive = false;
            } catch (SdkException e) {
                builder.down().withDetail("tables", statuses)
                        .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage());
                return;
            }
        }
        builder.status(allActive ? Status.UP : Status.DOWN).withDetail("tables", statuses);
    }
}
