package com.boxoffice.cart.query.dynamodb;

import com.boxoffice.cart.api.CartLine;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Attribute value conversions shared by the cart and order tables. Money is stored as its decimal string. */
final class Attributes {

    static final String PK = "pk";
    static final String SEQ = "seq";

    private Attributes() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue money(BigDecimal amount) {
        return s(amount.toPlainString());
    }

    static BigDecimal money(AttributeValue value) {
        return new BigDecimal(value.s());
    }

    static AttributeValue lines(List<CartLine> lines) {
        return AttributeValue.fromL(lines.stream()
                .map(line -> AttributeValue.fromM(Map.of(
                        "concertId", s(line.concertId().toString()),
                        "quantity", n(line.quantity()),
                        "unitPrice", money(line.unitPrice()))))
                .toList());
    }

    static List<CartLine> lines(AttributeValue value) {
        return value.l().stream()
                .map(AttributeValue::m)
                .map(line -> new CartLine(UUID.fromString(line.get("concertId").s()),
                        Integer.parseInt(line.get("quantity").n()), money(line.get("unitPrice"))))
                .toList();
    }

    static AttributeDefinition definition(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
