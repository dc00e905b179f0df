package com.boxoffice.axon.dynamodb.schema;

import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

import java.util.Objects;

/**
 * A table a component needs, with the request that creates it when it is missing. Components publish their specs as
 * beans; {@link TableCreator} creates what is missing at start-up.
 *
 * @param tableName            the full (prefixed) table name
 * @param create               the request creating the table (its table name must equal {@code tableName})
 * @param timeToLiveAttribute  the number attribute (epoch seconds) after which DynamoDB deletes an item, switched on
 *                             when the table is created here; null for none
 */
public record TableSpec(String tableName, CreateTableRequest create, String timeToLiveAttribute) {

    public TableSpec(String tableName, CreateTableRequest create) {
        this(tableName, create, null);
    }

    public TableSpec {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(create, "create");
        if (!tableName.equals(create.tableName())) {
            throw new IllegalArgumentException("CreateTableRequest is for " + create.tableName() + ", not " + tableName);
        }
        if (tableName.length() < 3) {
            throw new IllegalArgumentException("DynamoDB table names need at least 3 characters: " + tableName);
        }
        if (timeToLiveAttribute != null && timeToLiveAttribute.isBlank()) {
            throw new IllegalArgumentException("A time-to-live attribute needs a name");
        }
    }

    /** The same table with items expiring at the epoch seconds in {@code attribute}. */
    public TableSpec withTimeToLive(String attribute) {
        return new TableSpec(tableName, create, Objects.requireNonNull(attribute, "attribute"));
    }
}
