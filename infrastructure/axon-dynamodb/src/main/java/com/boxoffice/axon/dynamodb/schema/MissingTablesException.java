package com.boxoffice.axon.dynamodb.schema;

import java.util.List;

/** Tables the application needs do not exist, and it was told not to create them (their owner is a deployment). */
public class MissingTablesException extends RuntimeException {

    private final List<String> tables;

    public MissingTablesException(List<String> tables) {
        super("DynamoDB has no table " + String.join(", ", tables) + "; table creation is off here, so whoever owns the"
                + " tables (the deployment's stateful stack, say) must create them");
        this.tables = List.copyOf(tables);
    }

    public List<String> tables() {
        return tables;
    }
}
