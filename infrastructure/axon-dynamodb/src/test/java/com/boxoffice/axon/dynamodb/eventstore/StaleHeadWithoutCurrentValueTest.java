package com.boxoffice.axon.dynamodb.eventstore;

import com.boxoffice.testing.LocalDynamoDb;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A writer with a stale head cache whose conflict does not carry the head's current value (a DynamoDB that ignores
 * {@code ReturnValuesOnConditionCheckFailure} in transactions) reads the head and commits at the right position.
 */
class StaleHeadWithoutCurrentValueTest {

    private final Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void aConflictWithoutTheCurrentHeadReadsItAndCommits() {
        try (DynamoDbClient first = LocalDynamoDb.newClient(); DynamoDbClient real = LocalDynamoDb.newClient()) {
            EventTables tables = EventStoreTestTables.create(first);
            DynamoDbEventStorageEngine other = engine(first, tables);
            ForgetfulClient forgetful = new ForgetfulClient(real);
            DynamoDbEventStorageEngine stale = engine(forgetful, tables);

            stale.appendEvents(event("a", 0));      // caches the head of the one partition: 1
            other.appendEvents(event("b", 0), event("b", 1)); // moves it to 3 behind the stale writer's back
            stale.appendEvents(event("a", 1));      // conflicts once without a value, reads 3, commits at 4

            assertThat(forgetful.conflicts).hasValue(1);
            assertThat(stale.createHeadToken()).isEqualTo(new PartitionedLogToken(new long[]{4}));
            try (Stream<? extends TrackedEventMessage<?>> stream = other.readEvents(other.createTailToken(), false)) {
                assertThat(stream.<Object>map(EventMessage::getPayload).toList()).containsExactly("a0", "b0", "b1", "a1");
            }
        }
    }

    private DynamoDbEventStorageEngine engine(DynamoDbClient client, EventTables tables) {
        return DynamoDbEventStorageEngine.builder().client(client).tables(tables).partitions(1)
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    private static EventMessage<?> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Stale", aggregate, sequence, aggregate + sequence);
    }

    /** Passes the engine's calls through, dropping the items DynamoDB returns with a transaction's failed conditions. */
    private static final class ForgetfulClient implements DynamoDbClient {

        private final DynamoDbClient delegate;
        private final AtomicInteger conflicts = new AtomicInteger();

        ForgetfulClient(DynamoDbClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            try {
                return delegate.transactWriteItems(request);
            } catch (TransactionCanceledException e) {
                conflicts.incrementAndGet();
                List<CancellationReason> withoutItems = e.cancellationReasons().stream()
                        .map(r -> r.toBuilder().item(null).build()).toList();
                throw TransactionCanceledException.builder().message(e.getMessage())
                        .cancellationReasons(withoutItems).build();
            }
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            return delegate.batchGetItem(request);
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            return delegate.query(request);
        }

        @Override
        public ScanResponse scan(ScanRequest request) {
            return delegate.scan(request);
        }

        @Override
        public String serviceName() {
            return delegate.serviceName();
        }

        @Override
        public void close() {
        }
    }
}
