package com.boxoffice.infrastructure.dynamodb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps its tables and items across a restart on the same data directory. */
class EmbeddedDynamoDbRestartTest {

    private static final String TABLE = "restart-test";

    @TempDir
    Path dataDir;

    @Test
    void restartOnTheSameDirectoryFindsTheTablesAndItemsItLeft() {
        DynamoDbProperties properties = new DynamoDbProperties(DynamoDbMode.EMBEDDED, null, null, "",
                new DynamoDbProperties.Embedded(dataDir, 0, false));
        TableSpec spec = new TableSpec(TABLE, CreateTableRequest.builder()
                .tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .build());

        try (DynamoDbConnection first = DynamoDbConnection.open(properties);
             DynamoDbClient client = DynamoDbClients.create(first)) {
            assertThat(first.mode()).isEqualTo(DynamoDbMode.EMBEDDED);
            assertThat(new TableCreator(client).createMissing(List.of(spec))).containsExactly(TABLE);
            client.putItem(r -> r.tableName(TABLE).item(Map.of("id", AttributeValue.fromS("kept"))));
        }

        try (DynamoDbConnection second = DynamoDbConnection.open(properties);
             DynamoDbClient client = DynamoDbClients.create(second)) {
            assertThat(new TableCreator(client).createMissing(List.of(spec))).isEmpty();
            assertThat(client.getItem(r -> r.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("kept"))).consistentRead(true))
                    .item()).containsEntry("id", AttributeValue.fromS("kept"));
        }
    }
}
