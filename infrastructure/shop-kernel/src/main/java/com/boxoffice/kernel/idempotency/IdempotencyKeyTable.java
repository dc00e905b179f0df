package com.boxoffice.kernel.idempotency;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One item per caller and key ({@value #PK}): the request's fingerprint, the claim of the request running with it and
 * until when it may hold it, then the answer. Items expire ({@value #EXPIRES_AT}, epoch seconds) after the retention.
 */
final class IdempotencyKeyTable {

    static final String NAME = "idempotency-keys";

    static final String PK = "pk";
    static final String FINGERPRINT = "fingerprint";
    static final String CLAIM = "claim";
    /** Epoch milliseconds until which the claim holds while no answer is stored. */
    static final String LEASE_UNTIL = "leaseUntil";
    static final String STATUS = "status";
    static final String HEADERS = "headers";
    static final String BODY = "body";
    static final String EXPIRES_AT = "expiresAt";

    private IdempotencyKeyTable() {
    }

    static TableSpec spec(String tableName) {
        return new TableSpec(tableName, CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName(PK).attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build())
                .build()).withTimeToLive(EXPIRES_AT);
    }
}
