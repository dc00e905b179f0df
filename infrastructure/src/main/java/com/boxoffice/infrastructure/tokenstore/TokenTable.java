package com.boxoffice.infrastructure.tokenstore;

import com.boxoffice.infrastructure.dynamodb.TableSpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The token table: one item per (processor, segment), plus one reserved item holding the store's identifier. */
final class TokenTable {

    static final String PROCESSOR = "processorName";
    static final String SEGMENT = "segment";
    static final String TOKEN = "token";
    static final String TOKEN_TYPE = "tokenType";
    static final String TOKEN_REVISION = "tokenRevision";
    static final String OWNER = "owner";
    static final String CLAIMED_AT = "claimedAt";
    static final String STORAGE_ID = "storageId";
    /** Not a valid Axon processor name in practice; holds the storage identifier. */
    static final String CONFIG_PROCESSOR = "__boxoffice_token_store__";

    private TokenTable() {
    }

    static TableSpec spec(String tableName) {
        return new TableSpec(tableName, CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName(PROCESSOR).attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(SEGMENT).attributeType(ScalarAttributeType.N).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName(PROCESSOR).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(SEGMENT).keyType(KeyType.RANGE).build())
                .build());
    }
}
