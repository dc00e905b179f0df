package com.boxoffice.axon.dynamodb.eventstore;

import com.boxoffice.testing.LocalDynamoDb;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * N writers (each its own client and engine, as separate JVMs) race for the same sequence numbers of one aggregate, round
 * after round: exactly one wins each round, every loser gets Axon's concurrency exception, and nothing of a losing
 * commit is stored: the aggregate and the stream hold exactly the winners' events.
 */
class SameAggregateRaceTest {

    private static final int WRITERS = 6;
    private static final int ROUNDS = 25;
    private static final int EVENTS_PER_COMMIT = 3;

    private final Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void exactlyOneWriterWinsEachSequence() throws Exception {
        List<DynamoDbClient> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            DynamoDbClient setup = LocalDynamoDb.newClient();
            clients.add(setup);
            EventTables tables = EventStoreTestTables.create(setup);
            List<DynamoDbEventStorageEngine> engines = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                DynamoDbClient client = LocalDynamoDb.newClient();
                clients.add(client);
                engines.add(DynamoDbEventStorageEngine.builder().client(client).tables(tables).partitions(4)
                        .eventSerializer(serializer).snapshotSerializer(serializer).build());
            }
            Map<String, Integer> winnerOfEvent = new ConcurrentHashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                long first = (long) round * EVENTS_PER_COMMIT;
                CyclicBarrier start = new CyclicBarrier(WRITERS);
                AtomicInteger wins = new AtomicInteger();
                AtomicInteger losses = new AtomicInteger();
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    futures.add(pool.submit(() -> {
                        List<EventMessage<?>> events = new ArrayList<>();
                        for (int i = 0; i < EVENTS_PER_COMMIT; i++) {
                            events.add(new GenericDomainEventMessage<>("Race", "the-aggregate", first + i, "writer-" + writer));
                        }
                        start.await();
                        try {
                            engines.get(writer).appendEvents(events);
                            wins.incrementAndGet();
                            events.forEach(e -> winnerOfEvent.put(e.getIdentifier(), writer));
                        } catch (ConcurrencyException | AggregateStreamCreationException lost) {
                            losses.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get(1, TimeUnit.MINUTES);
                }
                assertThat(wins.get()).as("winners of round %d", round).isEqualTo(1);
                assertThat(losses.get()).as("losers of round %d", round).isEqualTo(WRITERS - 1);
            }

            DynamoDbEventStorageEngine reader = engines.get(0);
            List<? extends DomainEventMessage<?>> stored = reader.readEvents("the-aggregate").asStream().toList();
            assertThat(stored).hasSize(ROUNDS * EVENTS_PER_COMMIT);
            for (int i = 0; i < stored.size(); i++) {
                assertThat(stored.get(i).getSequenceNumber()).isEqualTo(i);
                assertThat(winnerOfEvent).containsKey(stored.get(i).getIdentifier());
                // the events of one round all come from that round's single winner
                assertThat(stored.get(i).getPayload())
                        .isEqualTo(stored.get(i - i % EVENTS_PER_COMMIT).getPayload());
            }
            try (Stream<? extends TrackedEventMessage<?>> stream = reader.readEvents(reader.createTailToken(), false)) {
                assertThat(stream.map(EventMessage::getIdentifier).toList())
                        .as("the stream holds exactly the winners' events, no burnt or duplicate positions")
                        .containsExactlyElementsOf(stored.stream().map(EventMessage::getIdentifier).toList());
            }
            assertThat(reader.lastSequenceNumberFor("the-aggregate")).contains((long) ROUNDS * EVENTS_PER_COMMIT - 1);
        } finally {
            pool.shutdownNow();
            clients.forEach(DynamoDbClient::close);
        }
    }
}
