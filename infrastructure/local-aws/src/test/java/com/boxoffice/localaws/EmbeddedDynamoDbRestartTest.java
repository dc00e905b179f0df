package com.boxoffice.localaws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps its tables and items across a restart on the same data directory. */
class EmbeddedDynamoDbRestartTest {

    private static final String TABLE = "restart-test";

    @TempDir
    Path dataDir;

    @Test
    void restartOnTheSameDirectoryFindsTheTablesAndItemsItLeft() {
        try (EmbeddedDynamoDb first = EmbeddedDynamoDb.start(dataDir, 0);
             DynamoDbClient client = clientOf(first)) {
            client.createTable(r -> r.tableName(TABLE)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
            client.putItem(r -> r.tableName(TABLE).item(Map.of("id", AttributeValue.fromS("kept"))));
        }

        try (EmbeddedDynamoDb second = EmbeddedDynamoDb.start(dataDir, 0);
             DynamoDbClient client = clientOf(second)) {
            assertThat(client.listTables().tableNames()).containsExactly(TABLE);
            assertThat(client.getItem(r -> r.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("kept"))).consistentRead(true))
                    .item()).containsEntry("id", AttributeValue.fromS("kept"));
        }
    }

    private static DynamoDbClient clientOf(EmbeddedDynamoDb server) {
        return DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "local")))
                .build();
    }
}
