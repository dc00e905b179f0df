package com.boxoffice.axon.springboot.dynamodb;

import com.boxoffice.axon.springboot.dynamodb.DynamoDbClients;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbConnection;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbMode;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbProperties;
import com.boxoffice.axon.dynamodb.schema.TableCreator;
import com.boxoffice.axon.dynamodb.eventstore.EventTables;
import com.boxoffice.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoDbHealthIndicatorTest {

    @Test
    void upWithEveryTableActiveOnDynamoDbLocal() {
        try (DynamoDbConnection connection = DynamoDbConnection.open(DynamoDbProperties.ofEndpoint(LocalDynamoDb.endpoint(), "unused-"));
             DynamoDbClient client = DynamoDbClients.create(connection)) {
            EventTables tables = EventTables.withPrefix(LocalDynamoDb.uniquePrefix());
            new TableCreator(client).createMissing(tables.specs());

            Health health = new DynamoDbHealthIndicator(client, connection,
                    List.of(tables.events(), tables.heads(), tables.snapshots()), Duration.ofSeconds(2)).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("mode", "ENDPOINT")
                    .containsEntry("endpoint", LocalDynamoDb.endpoint().toString())
                    .containsEntry("tables", Map.of(tables.events(), "ACTIVE", tables.heads(), "ACTIVE",
                            tables.snapshots(), "ACTIVE"));
        }
    }

    @Test
    void downWhenATableIsMissing() {
        try (DynamoDbConnection connection = DynamoDbConnection.open(DynamoDbProperties.ofEndpoint(LocalDynamoDb.endpoint(), "unused-"));
             DynamoDbClient client = DynamoDbClients.create(connection)) {
            EventTables tables = EventTables.withPrefix(LocalDynamoDb.uniquePrefix());
            new TableCreator(client).createMissing(tables.specs());
            String missing = LocalDynamoDb.uniquePrefix() + "tokens";

            Health health = new DynamoDbHealthIndicator(client, connection, List.of(tables.events(), missing),
                    Duration.ofSeconds(2)).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("tables", Map.of(tables.events(), "ACTIVE", missing, "MISSING"));
        }
    }

    @Test
    void downAndQuickWhenNothingListensAtTheEndpoint() throws IOException {
        // Bound but not listening: connections are refused, and no server can take the port while the test runs.
        Socket closedPort = new Socket();
        closedPort.bind(new InetSocketAddress("127.0.0.1", 0));
        URI closed = URI.create("http://127.0.0.1:" + closedPort.getLocalPort());
        DynamoDbProperties properties = new DynamoDbProperties(DynamoDbMode.ENDPOINT, closed, "us-east-1", "x-",
                new DynamoDbProperties.Embedded(null, 0, true), true);
        // Each DescribeTable the indicator makes: its table and the call timeout it asked for.
        List<String> describes = new CopyOnWriteArrayList<>();
        ExecutionInterceptor recordDescribes = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
                if (context.request() instanceof DescribeTableRequest describe) {
                    describes.add(describe.tableName() + " within " + describe.overrideConfiguration()
                            .flatMap(o -> o.apiCallTimeout()).map(Duration::toString).orElse("the client's timeout"));
                }
            }
        };
        try (closedPort;
             DynamoDbConnection connection = DynamoDbConnection.open(properties);
             DynamoDbClient client = DynamoDbClients.create(connection, builder -> builder.overrideConfiguration(
                     builder.overrideConfiguration().toBuilder().addExecutionInterceptor(recordDescribes).build()))) {

            Health health = new DynamoDbHealthIndicator(client, connection, List.of("x-events", "x-event-heads"),
                    Duration.ofSeconds(2)).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("endpoint", closed.toString())
                    .containsEntry("tables", Map.of("x-events", "UNKNOWN", "x-event-heads", "UNKNOWN"))
                    .containsKey("error");
            // One bounded attempt, not one per table with the client's 60 s call timeout.
            assertThat(describes).containsExactly("x-events within " + Duration.ofSeconds(2));
        }
    }
}
