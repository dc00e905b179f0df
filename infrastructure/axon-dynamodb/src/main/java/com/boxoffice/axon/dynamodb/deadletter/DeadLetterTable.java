package com.boxoffice.axon.dynamodb.deadletter;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.Map;

/**
 * The dead-letter table's keys and attribute names; see {@link DynamoDbSequencedDeadLetterQueue} for the design.
 * <p>
 * Partitions: {@code G#<group>} holds one item per sequence ({@code S#<sequence>}) and the group's counts
 * ({@code #counts}); {@code L#<group length>#<group>#<sequence>} holds the sequence's letters ({@code i#<index>}, index
 * zero-padded to 19 digits so that the sort key orders them) and one marker per letter ({@code m#<message id>}) that
 * makes enqueuing the same event twice a no-op. The local secondary index {@value #BY_AGE} sorts the items that have
 * an {@value #ORDER} attribute: only sequence items have one (their head letter's last-touched time), so the index is
 * sparse and lists a group's sequences oldest first, without letters or counters.
 */
final class DeadLetterTable {

    static final String PK = "pk";
    static final String SK = "sk";
    /** Sequence items only: the head letter's last-touched time, epoch nanoseconds zero-padded to 20 digits. */
    static final String ORDER = "ord";
    static final String BY_AGE = "byAge";

    static final String COUNTS_SK = "#counts";
    static final String SEQUENCE_PREFIX = "S#";
    static final String LETTER_PREFIX = "i#";
    static final String MARKER_PREFIX = "m#";

    // Counter item
    static final String LETTERS = "letters";
    static final String SEQUENCES = "sequences";

    // Sequence item
    static final String SEQUENCE_ID = "seq";
    static final String SIZE = "size";
    static final String NEXT_INDEX = "next";
    static final String HEAD_INDEX = "head";
    static final String VERSION = "ver";
    static final String CLAIM_OWNER = "claimOwner";
    /** Epoch milliseconds after which the claim has expired. */
    static final String CLAIMED_UNTIL = "claimedUntil";

    // Letter item
    static final String INDEX = "idx";
    static final String MESSAGE_ID = "msgId";
    static final String KIND = "kind";
    static final String TIMESTAMP = "ts";
    static final String PAYLOAD = "payload";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRev";
    static final String META_DATA = "meta";
    static final String AGGREGATE_TYPE = "aggType";
    static final String AGGREGATE_ID = "aggId";
    static final String AGGREGATE_SEQUENCE = "aggSeq";
    static final String TOKEN = "token";
    static final String TOKEN_TYPE = "tokenType";
    static final String TOKEN_REVISION = "tokenRev";
    static final String ENQUEUED_AT = "enqueuedAt";
    static final String LAST_TOUCHED = "lastTouched";
    static final String CAUSE_TYPE = "causeType";
    static final String CAUSE_MESSAGE = "causeMsg";
    static final String DIAGNOSTICS = "diag";

    private DeadLetterTable() {
    }

    static TableSpec spec(String tableName) {
        return new TableSpec(tableName, CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName(PK).attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(SK).attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(ORDER).attributeType(ScalarAttributeType.S).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(SK).keyType(KeyType.RANGE).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                        .indexName(BY_AGE)
                        .keySchema(
                                KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName(ORDER).keyType(KeyType.RANGE).build())
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build())
                .build());
    }

    static String groupPartition(String group) {
        return "G#" + group;
    }

    /** The group's length first, so that no group and sequence pair can spell another's partition. */
    static String letterPartition(String group, String sequenceId) {
        return "L#" + group.length() + "#" + group + "#" + sequenceId;
    }

    static String letterSortKey(long index) {
        return LETTER_PREFIX + String.format("%019d", index);
    }

    static Map<String, AttributeValue> countsKey(String group) {
        return key(groupPartition(group), COUNTS_SK);
    }

    static Map<String, AttributeValue> sequenceKey(String group, String sequenceId) {
        return key(groupPartition(group), SEQUENCE_PREFIX + sequenceId);
    }

    static Map<String, AttributeValue> letterKey(String group, String sequenceId, long index) {
        return key(letterPartition(group, sequenceId), letterSortKey(index));
    }

    static Map<String, AttributeValue> markerKey(String group, String sequenceId, String messageId) {
        return key(letterPartition(group, sequenceId), MARKER_PREFIX + messageId);
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    static String order(java.time.Instant lastTouched) {
        long nanos = Math.addExact(Math.multiplyExact(lastTouched.getEpochSecond(), 1_000_000_000L), lastTouched.getNano());
        return String.format("%020d", Math.max(0, nanos));
    }

    static long number(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    static String string(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? null : value.s();
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
