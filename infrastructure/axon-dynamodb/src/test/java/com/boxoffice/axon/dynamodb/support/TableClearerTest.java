package com.boxoffice.axon.dynamodb.support;

import com.boxoffice.axon.dynamodb.schema.TableCreator;
import com.boxoffice.axon.dynamodb.schema.TableSpec;
import com.boxoffice.testing.LocalDynamoDb;
import org.axonframework.common.AxonConfigurationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Clearing a table on DynamoDB Local, with a key whose attribute names are DynamoDB reserved words. */
class TableClearerTest {

    private final AtomicInteger batchWrites = new AtomicInteger();
    /** Items the next BatchWriteItem response claims it left unprocessed (DynamoDB deleted them anyway). */
    private final AtomicInteger unprocessedOnce = new AtomicInteger();
    private DynamoDbClient client;
    private String table;

    @BeforeEach
    void createTable() {
        client = DynamoDbClient.builder()
                .endpointOverride(LocalDynamoDb.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(() -> AwsBasicCredentials.create("test", "local"))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ThrottlingSomeDeletes()))
                .build();
        table = LocalDynamoDb.uniquePrefix() + "cleared";
        new TableCreator(client).createMissing(List.of(new TableSpec(table, CreateTableRequest.builder()
                .tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("name").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("size").attributeType(ScalarAttributeType.N).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName("name").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("size").keyType(KeyType.RANGE).build())
                .build())));
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void deletesEveryItemInBatchesOfTwentyFive() {
        put(60);

        assertThat(new TableClearer(client, table, "name", "size").clear()).isEqualTo(60);

        assertThat(client.scan(r -> r.tableName(table)).count()).isZero();
        assertThat(batchWrites).hasValue(3);
        assertThat(new TableClearer(client, table, "name", "size").clear()).as("an empty table").isZero();
    }

    @Test
    void sendsUnprocessedItemsAgain() {
        put(30);
        unprocessedOnce.set(7);

        assertThat(new TableClearer(client, table, "name", "size").clear()).isEqualTo(30);

        assertThat(client.scan(r -> r.tableName(table)).count()).isZero();
        assertThat(batchWrites).as("two batches, the first one sent twice").hasValue(3);
    }

    @Test
    void refusesIncompleteArguments() {
        assertThatThrownBy(() -> new TableClearer(null, table, "name")).isInstanceOf(AxonConfigurationException.class);
        assertThatThrownBy(() -> new TableClearer(client, " ", "name")).isInstanceOf(AxonConfigurationException.class);
        assertThatThrownBy(() -> new TableClearer(client, table)).isInstanceOf(AxonConfigurationException.class);
    }

    private void put(int items) {
        for (int i = 0; i < items; i++) {
            int size = i;
            client.putItem(r -> r.tableName(table).item(Map.of("name", AttributeValue.fromS("item-" + (size % 7)),
                    "size", AttributeValue.fromN(Integer.toString(size)))));
        }
    }

    /** Counts BatchWriteItem calls and reports part of one batch as unprocessed, as DynamoDB does when throttling. */
    private final class ThrottlingSomeDeletes implements ExecutionInterceptor {
        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            if (!(context.request() instanceof BatchWriteItemRequest request)) {
                return context.response();
            }
            batchWrites.incrementAndGet();
            int unprocessed = unprocessedOnce.getAndSet(0);
            if (unprocessed == 0) {
                return context.response();
            }
            List<WriteRequest> sent = request.requestItems().get(table);
            return ((BatchWriteItemResponse) context.response()).toBuilder()
                    .unprocessedItems(Map.of(table, sent.subList(0, unprocessed))).build();
        }
    }
}
