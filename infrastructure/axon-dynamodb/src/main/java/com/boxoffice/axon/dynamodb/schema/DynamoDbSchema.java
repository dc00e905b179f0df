package com.boxoffice.axon.dynamodb.schema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The application's tables, created at start-up when missing. Components that read or write a table take this as a
 * dependency, so the tables exist before they are used.
 */
public final class DynamoDbSchema {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbSchema.class);

    private final List<TableSpec> tables;

    public DynamoDbSchema(TableCreator creator, List<TableSpec> tables, String connectionDescription) {
        this.tables = List.copyOf(tables);
        List<String> created = creator.createMissing(this.tables);
        log.info("DynamoDB {}: tables {} (created now: {})", connectionDescription,
                this.tables.stream().map(TableSpec::tableName).toList(), created);
    }

    public List<TableSpec> tables() {
        return tables;
    }
}
