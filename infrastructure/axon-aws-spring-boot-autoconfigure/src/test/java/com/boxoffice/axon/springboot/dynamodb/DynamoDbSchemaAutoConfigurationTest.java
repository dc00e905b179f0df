package com.boxoffice.axon.springboot.dynamodb;

import com.boxoffice.axon.dynamodb.schema.DynamoDbSchema;
import com.boxoffice.axon.dynamodb.schema.MissingTablesException;
import com.boxoffice.axon.dynamodb.schema.TableSpec;
import com.boxoffice.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tables the components declare: created at start-up by default, only checked with create-tables off. */
class DynamoDbSchemaAutoConfigurationTest {

    private final String prefix = LocalDynamoDb.uniquePrefix();

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DynamoDbAutoConfiguration.class))
                .withPropertyValues("boxoffice.dynamodb.mode=endpoint", "boxoffice.dynamodb.endpoint=" + LocalDynamoDb.endpoint(),
                        "boxoffice.dynamodb.table-prefix=" + prefix)
                .withBean("things", TableSpec.class, () -> spec(prefix + "things"));
    }

    @Test
    void createsAMissingTableByDefault() {
        runner().run(context -> {
            assertThat(context).hasSingleBean(DynamoDbSchema.class);
            try (DynamoDbClient client = LocalDynamoDb.newClient()) {
                assertThat(client.describeTable(r -> r.tableName(prefix + "things")).table().tableName()).isEqualTo(prefix + "things");
            }
        });
    }

    @Test
    void withTableCreationOffAMissingTableStopsTheStartAndNothingIsCreated() {
        runner().withPropertyValues("boxoffice.dynamodb.create-tables=false").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MissingTablesException.class)
                    .hasMessageContaining(prefix + "things").hasMessageContaining("table creation is off");
        });
        try (DynamoDbClient client = LocalDynamoDb.newClient()) {
            assertThatThrownBy(() -> client.describeTable(r -> r.tableName(prefix + "things")))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void withTableCreationOffExistingTablesAreUsed() {
        runner().run(context -> assertThat(context).hasNotFailed());

        runner().withPropertyValues("boxoffice.dynamodb.create-tables=false")
                .run(context -> assertThat(context).hasSingleBean(DynamoDbSchema.class));
    }

    private static TableSpec spec(String name) {
        return new TableSpec(name, CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .build());
    }
}
