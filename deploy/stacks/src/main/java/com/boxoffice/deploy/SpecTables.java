package com.boxoffice.deploy;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.LocalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * DynamoDB tables made from the application's {@link TableSpec}s: their names, keys, indexes and time to live are the
 * spec's; what a production table needs besides is added here, the same for every table: on-demand billing (whatever
 * the spec's billing mode: a spec's mode is for the tables the application creates itself), point-in-time recovery,
 * deletion protection, encryption with the AWS-managed key, and retention when the stack or the resource goes.
 */
final class SpecTables {

    private SpecTables() {
    }

    static Table create(Construct scope, String id, TableSpec spec) {
        CreateTableRequest create = spec.create();
        Map<String, AttributeType> types = create.attributeDefinitions().stream()
                .collect(Collectors.toMap(AttributeDefinition::attributeName, d -> attributeType(d.attributeTypeAsString())));
        Function<String, Attribute> attribute = name -> Attribute.builder().name(name)
                .type(requiredType(types, name, spec)).build();

        Table.Builder table = Table.Builder.create(scope, id)
                .tableName(spec.tableName())
                .partitionKey(attribute.apply(keyOf(create.keySchema(), KeyType.HASH, spec)))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(true)
                .encryption(TableEncryption.AWS_MANAGED)
                .removalPolicy(RemovalPolicy.RETAIN);
        String sortKey = sortKeyOf(create.keySchema());
        if (sortKey != null) {
            table.sortKey(attribute.apply(sortKey));
        }
        if (spec.timeToLiveAttribute() != null) {
            table.timeToLiveAttribute(spec.timeToLiveAttribute());
        }
        Table built = table.build();

        create.globalSecondaryIndexes().forEach(index -> {
            GlobalSecondaryIndexProps.Builder gsi = GlobalSecondaryIndexProps.builder()
                    .indexName(index.indexName())
                    .partitionKey(attribute.apply(keyOf(index.keySchema(), KeyType.HASH, spec)));
            String indexSortKey = sortKeyOf(index.keySchema());
            if (indexSortKey != null) {
                gsi.sortKey(attribute.apply(indexSortKey));
            }
            projection(index.projection(), gsi::projectionType, gsi::nonKeyAttributes);
            built.addGlobalSecondaryIndex(gsi.build());
        });
        create.localSecondaryIndexes().forEach(index -> {
            LocalSecondaryIndexProps.Builder lsi = LocalSecondaryIndexProps.builder()
                    .indexName(index.indexName())
                    .sortKey(attribute.apply(keyOf(index.keySchema(), KeyType.RANGE, spec)));
            projection(index.projection(), lsi::projectionType, lsi::nonKeyAttributes);
            built.addLocalSecondaryIndex(lsi.build());
        });
        return built;
    }

    /** A spec's index without a projection would be refused by DynamoDB as well: no default is guessed here. */
    private static void projection(Projection projection, Function<ProjectionType, ?> type,
                                   Function<List<String>, ?> nonKeyAttributes) {
        if (projection == null || projection.projectionTypeAsString() == null) {
            throw new IllegalArgumentException("An index of a table spec names no projection");
        }
        type.apply(ProjectionType.valueOf(projection.projectionTypeAsString()));
        if (projection.hasNonKeyAttributes()) {
            nonKeyAttributes.apply(projection.nonKeyAttributes());
        }
    }

    private static String keyOf(List<KeySchemaElement> keys, KeyType type, TableSpec spec) {
        return keys.stream().filter(k -> k.keyType() == type).map(KeySchemaElement::attributeName).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(spec.tableName() + " has no " + type + " key"));
    }

    private static String sortKeyOf(List<KeySchemaElement> keys) {
        return keys.stream().filter(k -> k.keyType() == KeyType.RANGE).map(KeySchemaElement::attributeName)
                .findFirst().orElse(null);
    }

    private static AttributeType requiredType(Map<String, AttributeType> types, String name, TableSpec spec) {
        AttributeType type = types.get(name);
        if (type == null) {
            throw new IllegalArgumentException(spec.tableName() + " keys on " + name + ", which it does not define");
        }
        return type;
    }

    private static AttributeType attributeType(String dynamoDbType) {
        return switch (dynamoDbType) {
            case "S" -> AttributeType.STRING;
            case "N" -> AttributeType.NUMBER;
            case "B" -> AttributeType.BINARY;
            default -> throw new IllegalArgumentException("Unknown key attribute type " + dynamoDbType);
        };
    }
}
