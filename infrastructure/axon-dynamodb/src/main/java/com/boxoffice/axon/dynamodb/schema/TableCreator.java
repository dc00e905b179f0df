package com.boxoffice.axon.dynamodb.schema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Creates the tables that are missing, waits until every table is {@code ACTIVE}, and switches on the time to live of
 * those created here that declare one. Existing tables are left as they are: their schema is the operator's (a table
 * created by an earlier version is never altered behind their back).
 */
public final class TableCreator {

    private static final Logger log = LoggerFactory.getLogger(TableCreator.class);

    private final DynamoDbClient client;

    public TableCreator(DynamoDbClient client) {
        this.client = client;
    }

    /**
     * Checks that every table exists and creates none, for tables a deployment owns.
     *
     * @throws MissingTablesException naming every table that does not exist
     */
    public void requireExisting(Collection<TableSpec> specs) {
        List<String> missing = specs.stream().map(TableSpec::tableName).filter(name -> !exists(name)).toList();
        if (!missing.isEmpty()) {
            throw new MissingTablesException(missing);
        }
    }

    /** @return the names of the tables this call created */
    public List<String> createMissing(Collection<TableSpec> specs) {
        List<String> created = new ArrayList<>();
        for (TableSpec spec : specs) {
            if (!exists(spec.tableName())) {
                try {
                    client.createTable(spec.create());
                    created.add(spec.tableName());
                } catch (ResourceInUseException raced) {
                    // Another instance created it between our check and our create: the table is there, as wanted.
                    log.debug("Table {} was created concurrently", spec.tableName());
                }
            }
        }
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder()
                .client(client)
                .overrideConfiguration(c -> c.backoffStrategy(b -> Duration.ofMillis(200)).maxAttempts(300))
                .build()) {
            for (TableSpec spec : specs) {
                // Throws once the attempts are used up, naming the table.
                waiter.waitUntilTableExists(r -> r.tableName(spec.tableName()));
            }
        }
        specs.stream()
                .filter(spec -> spec.timeToLiveAttribute() != null && created.contains(spec.tableName()))
                .forEach(this::enableTimeToLive);
        return created;
    }

    /** Only on tables created here: an existing table's settings are the operator's, as its schema is. */
    private void enableTimeToLive(TableSpec spec) {
        client.updateTimeToLive(r -> r.tableName(spec.tableName()).timeToLiveSpecification(ttl -> ttl
                .attributeName(spec.timeToLiveAttribute()).enabled(true)));
        log.debug("Items of {} expire at their {} (epoch seconds)", spec.tableName(), spec.timeToLiveAttribute());
    }

    private boolean exists(String tableName) {
        try {
            TableStatus status = client.describeTable(r -> r.tableName(tableName)).table().tableStatus();
            return status != TableStatus.DELETING;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }
}
