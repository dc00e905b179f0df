package com.boxoffice.axon.dynamodb.deadletter;

import com.boxoffice.axon.dynamodb.schema.TableCreator;
import com.boxoffice.axon.dynamodb.serialization.TrackingTokenTyping;
import com.boxoffice.testing.LocalDynamoDb;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;

/** One dead-letter table on the test JVM's DynamoDB Local, shared by the tests; each test takes its own group. */
final class DeadLetterTestTables {

    static final DynamoDbClient CLIENT = LocalDynamoDb.newClient();
    static final String TABLE = LocalDynamoDb.uniquePrefix() + "dead-letters";
    static final Serializer SERIALIZER = Jackson3Serializer.builder()
            .jsonMapperBuilderCustomizer(TrackingTokenTyping.customizer()).build();

    static {
        new TableCreator(CLIENT).createMissing(List.of(DynamoDbSequencedDeadLetterQueue.tableSpec(TABLE)));
    }

    private DeadLetterTestTables() {
    }

    static <M extends org.axonframework.eventhandling.EventMessage<?>> DynamoDbSequencedDeadLetterQueue.Builder<M> queue(String group) {
        return DynamoDbSequencedDeadLetterQueue.<M>builder()
                .processingGroup(group)
                .client(CLIENT)
                .tableName(TABLE)
                .serializer(SERIALIZER);
    }
}
