package com.boxoffice.axon.dynamodb.schema;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An item's size as DynamoDB counts it against its 400 KB item limit and bills it: per attribute, the UTF-8 length of
 * its name plus the size of its value (strings: UTF-8 bytes; binary: bytes; numbers: about one byte per two
 * significant digits plus one; maps and lists: 3 bytes plus their elements, one byte per element).
 */
public final class ItemSizes {

    /** DynamoDB's item size limit. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSizes() {
    }

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + of(attribute.getValue());
        }
        return size;
    }

    public static long of(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            String digits = value.n().replace("-", "").replace(".", "").replaceAll("^0+", "");
            return (digits.length() + 1) / 2 + 1;
        }
        if (value.b() != null) {
            return bytes(value.b());
        }
        if (value.bool() != null || Boolean.TRUE.equals(value.nul())) {
            return 1;
        }
        if (value.hasM()) {
            return 3 + value.m().entrySet().stream().mapToLong(e -> utf8(e.getKey()) + of(e.getValue()) + 1).sum();
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToLong(v -> of(v) + 1).sum();
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToLong(ItemSizes::utf8).sum();
        }
        if (value.hasNs()) {
            return value.ns().stream().mapToLong(n -> of(AttributeValue.fromN(n))).sum();
        }
        if (value.hasBs()) {
            return value.bs().stream().mapToLong(ItemSizes::bytes).sum();
        }
        return 0;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static long bytes(SdkBytes b) {
        return b.asByteArrayUnsafe().length;
    }
}
