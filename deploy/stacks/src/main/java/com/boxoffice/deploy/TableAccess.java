package com.boxoffice.deploy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The DynamoDB actions the application calls on each of its tables, by table name without the deployment's prefix,
 * as read from the code that calls the SDK (a transaction needs the action of each of its parts: a {@code Put} in a
 * {@code TransactWriteItems} needs {@code dynamodb:PutItem}). Every table may also be described: the application's
 * start-up checks with {@code DescribeTable} that its tables exist, and its health indicator does too. No table may be
 * created, deleted or altered: the stateful stack owns them.
 * <p>
 * A table the application declares and this list does not know stops the synthesis (see {@link #of(String)}), so a
 * new table cannot be deployed without someone deciding what the service may do with it.
 */
public final class TableAccess {

    static final String DESCRIBE = "dynamodb:DescribeTable";

    private static final Map<String, Set<String>> ACTIONS_BY_TABLE = Map.ofEntries(
            // Commits (TransactWriteItems: a Put per event), aggregate reads and the stream index (Query).
            Map.entry("events", Set.of("dynamodb:PutItem", "dynamodb:Query")),
            // The commit's head updates (in the same transaction), a head read after a lost race (BatchGetItem),
            // and all heads at once for the stream (Scan: the small items summed before rounding, 1 RCU for 16).
            Map.entry("event-heads", Set.of("dynamodb:UpdateItem", "dynamodb:BatchGetItem", "dynamodb:Scan")),
            Map.entry("snapshots", Set.of("dynamodb:GetItem", "dynamodb:PutItem")),
            // Claims, extensions, releases and segment splits/merges (some in transactions).
            Map.entry("tokens", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                    "dynamodb:Query")),
            Map.entry("dead-letters", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                    "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:BatchWriteItem")),
            // Read models: projection writes, API reads, and emptying for a replay (Scan, BatchWriteItem).
            Map.entry("concerts", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query",
                    "dynamodb:Scan", "dynamodb:BatchWriteItem")),
            Map.entry("carts", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan",
                    "dynamodb:BatchWriteItem")),
            Map.entry("orders", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan",
                    "dynamodb:BatchWriteItem")),
            // The event trail: a unit of work's entries in batches (a lone entry is a PutItem), read by key.
            Map.entry("event-trail", Set.of("dynamodb:PutItem", "dynamodb:BatchWriteItem", "dynamodb:Query")),
            // The concert cancellation process's orders per concert: written in batches, read by concert.
            Map.entry("concert-orders", Set.of("dynamodb:BatchWriteItem", "dynamodb:Query")),
            // Idempotency keys: claimed with a conditional put, read while the first request runs, answered with an
            // update, freed with a delete when the first request failed.
            Map.entry("idempotency-keys", Set.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem",
                    "dynamodb:DeleteItem")));

    private TableAccess() {
    }

    /**
     * @param tableName the table's name without the deployment's prefix
     * @return the actions on the table, {@value #DESCRIBE} included, sorted
     * @throws IllegalArgumentException for a table whose access nobody has declared here
     */
    public static Set<String> of(String tableName) {
        Set<String> actions = Optional.ofNullable(ACTIONS_BY_TABLE.get(tableName))
                .orElseThrow(() -> new IllegalArgumentException("The application declares a table '" + tableName
                        + "' whose access is not declared in " + TableAccess.class.getSimpleName()
                        + ": say there which DynamoDB actions the application calls on it"));
        Set<String> withDescribe = new TreeSet<>(actions);
        withDescribe.add(DESCRIBE);
        return withDescribe;
    }

    /** Whether the action is also granted on the table's indexes: the application queries indexes, never scans them. */
    static boolean reachesIndexes(String action) {
        return action.equals("dynamodb:Query");
    }
}
