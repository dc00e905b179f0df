package com.boxoffice.deploy;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a table of a synthesised template differs from the application's spec of it: name, key schema, attribute
 * definitions, global and local secondary indexes (keys and projection), time to live. Written against the
 * CloudFormation properties, not against the code that made them, so that it catches that code's mistakes.
 */
final class SpecTableComparison {

    private SpecTableComparison() {
    }

    static List<String> differences(TableSpec spec, Map<String, Object> table) {
        List<String> differences = new ArrayList<>();
        compare(differences, "TableName", spec.tableName(), table.get("TableName"));
        compare(differences, "KeySchema", keys(spec.create().keySchema()), table.get("KeySchema"));
        compare(differences, "AttributeDefinitions",
                spec.create().attributeDefinitions().stream()
                        .map(d -> d.attributeName() + ":" + d.attributeTypeAsString()).collect(Collectors.toSet()),
                Cfn.list(table.get("AttributeDefinitions")).stream().map(Cfn::map)
                        .map(d -> d.get("AttributeName") + ":" + d.get("AttributeType")).collect(Collectors.toSet()));
        compare(differences, "GlobalSecondaryIndexes",
                spec.create().globalSecondaryIndexes().stream().collect(Collectors.toMap(
                        i -> i.indexName(), i -> index(i.keySchema(), i.projection()))),
                indexes(table.get("GlobalSecondaryIndexes")));
        compare(differences, "LocalSecondaryIndexes",
                spec.create().localSecondaryIndexes().stream().collect(Collectors.toMap(
                        i -> i.indexName(), i -> index(i.keySchema(), i.projection()))),
                indexes(table.get("LocalSecondaryIndexes")));
        compare(differences, "TimeToLiveSpecification",
                spec.timeToLiveAttribute() == null ? null
                        : Map.of("AttributeName", spec.timeToLiveAttribute(), "Enabled", true),
                table.get("TimeToLiveSpecification"));
        return differences;
    }

    private static void compare(List<String> differences, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            differences.add(what + ": spec " + expected + ", template " + actual);
        }
    }

    private static List<Map<String, String>> keys(List<KeySchemaElement> keys) {
        return keys.stream().map(k -> Map.of("AttributeName", k.attributeName(), "KeyType", k.keyTypeAsString())).toList();
    }

    private static Map<String, Object> index(List<KeySchemaElement> keys, Projection projection) {
        Map<String, Object> index = new HashMap<>();
        index.put("KeySchema", keys(keys));
        index.put("ProjectionType", projection.projectionTypeAsString());
        index.put("NonKeyAttributes", projection.hasNonKeyAttributes() ? Set.copyOf(projection.nonKeyAttributes()) : Set.of());
        return index;
    }

    private static Map<String, Object> indexes(Object templateIndexes) {
        return Cfn.list(templateIndexes).stream().map(Cfn::map).collect(Collectors.toMap(
                i -> i.get("IndexName").toString(),
                i -> {
                    Map<String, Object> projection = Cfn.map(i.get("Projection"));
                    Map<String, Object> index = new HashMap<>();
                    index.put("KeySchema", i.get("KeySchema"));
                    index.put("ProjectionType", projection.get("ProjectionType"));
                    index.put("NonKeyAttributes", Set.copyOf(Cfn.list(projection.get("NonKeyAttributes"))));
                    return index;
                }));
    }
}
