package com.boxoffice.deploy;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The statements of the task role: exactly the tables, indexes and stream of the deployment and the actions the
 * application calls on them ({@link TableAccess}), and the one log stream the metrics agent writes to. Every resource
 * is a full ARN; no action or resource is a wildcard. What the task may not do is as deliberate: create, delete or
 * alter a table or the stream (the stateful stack owns them), read the stream (the application only publishes).
 */
final class TaskPolicy {

    /** Publishing, the start-up check that the stream is there, and its waiter while the stream is not yet active. */
    static final List<String> STREAM_ACTIONS = List.of("kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
            "kinesis:PutRecords");
    static final List<String> METRICS_LOG_ACTIONS = List.of("logs:CreateLogStream", "logs:DescribeLogStreams",
            "logs:PutLogEvents");

    private TaskPolicy() {
    }

    static List<PolicyStatement> statements(Stack stack, DeploymentNames names, List<TableSpec> tables) {
        List<PolicyStatement> statements = new ArrayList<>();
        for (TableSpec spec : tables) {
            String table = spec.tableName();
            Set<String> actions = TableAccess.of(table.substring(names.tablePrefix().length()));
            List<String> indexes = indexNames(spec);
            statements.add(allow(List.copyOf(actions), List.of(tableArn(stack, table))));
            List<String> indexActions = actions.stream().filter(TableAccess::reachesIndexes).toList();
            if (!indexes.isEmpty() && !indexActions.isEmpty()) {
                statements.add(allow(indexActions, indexes.stream().map(index -> indexArn(stack, table, index)).toList()));
            }
        }
        statements.add(allow(STREAM_ACTIONS, List.of(stack.formatArn(ArnComponents.builder()
                .service("kinesis").resource("stream").resourceName(names.streamName()).build()))));
        statements.add(allow(METRICS_LOG_ACTIONS, List.of(
                logGroupArn(stack, names.metricsLogGroup()),
                logGroupArn(stack, names.metricsLogGroup()) + ":log-stream:" + names.metricsLogStream())));
        return statements;
    }

    static String tableArn(Stack stack, String table) {
        return stack.formatArn(ArnComponents.builder().service("dynamodb").resource("table").resourceName(table).build());
    }

    static String indexArn(Stack stack, String table, String index) {
        return tableArn(stack, table) + "/index/" + index;
    }

    private static String logGroupArn(Stack stack, String logGroup) {
        return stack.formatArn(ArnComponents.builder().service("logs").resource("log-group").resourceName(logGroup)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
    }

    static List<String> indexNames(TableSpec spec) {
        return Stream.concat(
                spec.create().globalSecondaryIndexes().stream().map(GlobalSecondaryIndex::indexName),
                spec.create().localSecondaryIndexes().stream().map(LocalSecondaryIndex::indexName)).toList();
    }

    private static PolicyStatement allow(List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().effect(Effect.ALLOW).actions(actions).resources(resources).build();
    }
}
