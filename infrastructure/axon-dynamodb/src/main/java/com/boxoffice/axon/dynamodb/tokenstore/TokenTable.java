package com.boxoffice.axon.dynamodb.tokenstore;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.Map;

/** The token table: one item per (processor, segment), plus one reserved item holding the store's identifier. */
final class TokenTable {

    static final String PROCESSOR = "processorName";
    static final String SEGMENT = "segment";
    static final String TOKEN = "token";
    static final String TOKEN_TYPE = "tokenType";
    static final String TOKEN_REVISION = "tokenRevision";
    static final String OWNER = "owner";
    /** Epoch milliseconds (the claiming store's clock) of the last claim or extension. */
    static final String CLAIMED_AT = "claimedAt";
    static final String STORAGE_ID = "storageId";
    /** Reserved processor name of the item that holds the storage identifier; refused as a processor name. */
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

    static Map<String, AttributeValue> key(String processorName, int segment) {
        return Map.of(PROCESSOR, AttributeValue.fromS(processorName), SEGMENT, AttributeValue.fromN(Integer.toString(segment)));
    }

    static int segmentOf(Map<String, AttributeValue> item) {
        return Integer.parseInt(item.get(SEGMENT).n());
    }

    /** The owner named in an item, or {@code null} when unclaimed. */
    static String ownerOf(Map<String, AttributeValue> item) {
        AttributeValue owner = item.get(OWNER);
        return owner == null ? null : owner.s();
    }

    static long claimedAtOf(Map<String, AttributeValue> item) {
        AttributeValue claimedAt = item.get(CLAIMED_AT);
        return claimedAt == null ? 0 : Long.parseLong(claimedAt.n());
    }
}
