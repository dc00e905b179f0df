package com.boxoffice.axon.dynamodb.schema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The application's tables, created at start-up when missing, or, where a deployment owns them, only checked (a
 * missing table is then a {@link MissingTablesException} that stops the start). Components that read or write a table take this as a
 * dependency, so the tables exist before they are used.
 */
public final class DynamoDbSchema {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbSchema.class);

    private final List<TableSpec> tables;

    public DynamoDbSchema(TableCreator creator, List<TableSpec> tables, String connectionDescription) {
        this(creator, tables, connectionDescription, true);
    }

    /** @param createTables whether missing tables are created; if not, they must all exist */
    public DynamoDbSchema(TableCreator creator, List<TableSpec> tables, String connectionDescription, boolean createTables) {
        this.tables = List.copyOf(tables);
        List<String> created = List.of();
        if (createTables) {
            created = creator.createMissing(this.tables);
        } else {
            creator.requireExisting(this.tables);
        }
        log.info("DynamoDB {}: tables {} (created now: {})", connectionDescription,
                this.tables.stream().map(TableSpec::tableName).toList(), created);
    }

    public List<TableSpec> tables() {
        return tables;
    }
}
