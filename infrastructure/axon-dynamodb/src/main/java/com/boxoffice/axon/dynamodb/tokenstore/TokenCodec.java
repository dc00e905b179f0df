package com.boxoffice.axon.dynamodb.tokenstore;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

import static com.boxoffice.axon.dynamodb.tokenstore.TokenTable.TOKEN;
import static com.boxoffice.axon.dynamodb.tokenstore.TokenTable.TOKEN_REVISION;
import static com.boxoffice.axon.dynamodb.tokenstore.TokenTable.TOKEN_TYPE;

/** A tracking token as item attributes: serialized bytes (B), type name (S) and, when the type has one, its revision (S). */
final class TokenCodec {

    private final Serializer serializer;

    TokenCodec(Serializer serializer) {
        this.serializer = serializer;
    }

    /** The token's attributes; empty for a {@code null} token (a segment that starts at the beginning of the stream). */
    Map<String, AttributeValue> attributes(TrackingToken token) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        if (token != null) {
            SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
            attributes.put(TOKEN, AttributeValue.fromB(SdkBytes.fromByteArray(serialized.getData())));
            attributes.put(TOKEN_TYPE, AttributeValue.fromS(serialized.getType().getName()));
            if (serialized.getType().getRevision() != null) {
                attributes.put(TOKEN_REVISION, AttributeValue.fromS(serialized.getType().getRevision()));
            }
        }
        return attributes;
    }

    TrackingToken token(Map<String, AttributeValue> item) {
        if (item == null || !item.containsKey(TOKEN)) {
            return null;
        }
        AttributeValue revision = item.get(TOKEN_REVISION);
        return serializer.deserialize(new SimpleSerializedObject<>(item.get(TOKEN).b().asByteArray(), byte[].class,
                item.get(TOKEN_TYPE).s(), revision == null ? null : revision.s()));
    }
}
