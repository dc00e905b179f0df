package com.boxoffice.ticketing.query.dynamodb;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The catalogue table's name, attributes and creation request. */
final class ConcertTable {

    static final String NAME = "concerts";
    static final String BY_START_MONTH = "by-start-month";

    static final String PK = "pk";
    static final String NAME_ATTR = "name";
    static final String VENUE = "venue";
    static final String STARTS_AT = "startsAt";
    static final String STARTS_AT_MS = "startsAtMs";
    static final String MONTH = "month";
    static final String CAPACITY = "capacity";
    static final String RESERVED = "reserved";
    static final String SOLD = "sold";
    static final String TICKET_PRICE = "ticketPrice";
    static final String STATUS = "status";
    static final String SEQ = "seq";

    /** The key of the item listing the months that have concerts; never a UUID, so never a concert's key. */
    static final String MONTHS_KEY = "#months";
    static final String MONTHS = "months";

    private ConcertTable() {
    }

    static TableSpec spec(String tableName) {
        return new TableSpec(tableName, CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(PK, ScalarAttributeType.S),
                        attribute(MONTH, ScalarAttributeType.S),
                        attribute(STARTS_AT_MS, ScalarAttributeType.N))
                .keySchema(key(PK, KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(BY_START_MONTH)
                        .keySchema(key(MONTH, KeyType.HASH), key(STARTS_AT_MS, KeyType.RANGE))
                        // ALL: a listing is answered from the index alone, without a GetItem per concert.
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .build());
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
