package com.boxoffice.axon.dynamodb.eventstore;

import com.boxoffice.testing.LocalDynamoDb;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tries hard to make the global stream skip or repeat an event: 8 writer threads over 2 engine instances (separate
 * clients, caches and heads, as separate JVMs), 2,000 commits of 1–5 events to 40 aggregates, so that writers race
 * for the same aggregates (concurrency conflicts, retried as Axon's repositories would) and for the same few partition
 * heads; random delays between assigning positions and committing; and 3 readers following the stream from the tail
 * while it is written. Every reader must see every committed event exactly once, nothing else, in per-aggregate order.
 * <p>
 * How many conflicts the random commits cause is up to the scheduler, so the writers also make some for certain: each
 * one's first commit goes to the same aggregate from the same state, and all but one of those lose.
 */
class GlobalStreamTortureTest {

    private static final int WRITERS = 8;
    private static final int COMMITS_PER_WRITER = 250;
    private static final int AGGREGATES = 40;
    private static final int READERS = 3;
    private static final int PARTITIONS = 4;

    private final Serializer serializer = Jackson3Serializer.builder().build();
    private final Map<String, String> committed = new ConcurrentHashMap<>();
    private final AtomicInteger conflicts = new AtomicInteger();
    /** The writers' first commits wait here until every writer has read the aggregate's state. */
    private final CyclicBarrier sameState = new CyclicBarrier(WRITERS);

    @Test
    void everyReaderSeesEveryCommittedEventExactlyOnceInAggregateOrder() throws Exception {
        List<DynamoDbClient> clients = new ArrayList<>();
        try {
            DynamoDbClient setup = LocalDynamoDb.newClient();
            clients.add(setup);
            EventTables tables = EventStoreTestTables.create(setup);
            List<DynamoDbEventStorageEngine> writerEngines = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                DynamoDbClient client = LocalDynamoDb.newClient();
                clients.add(client);
                writerEngines.add(engine(client, tables, true));
            }
            List<DynamoDbEventStorageEngine> readerEngines = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                DynamoDbClient client = LocalDynamoDb.newClient();
                clients.add(client);
                readerEngines.add(engine(client, tables, false));
            }

            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<List<TrackedEventMessage<?>>>> readers = new ArrayList<>();
            for (DynamoDbEventStorageEngine engine : readerEngines) {
                readers.add(pool.submit(() -> follow(engine, writing)));
            }
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                DynamoDbEventStorageEngine engine = writerEngines.get(w % 2);
                writers.add(pool.submit(() -> write(engine)));
            }
            for (Future<?> writer : writers) {
                writer.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);

            System.out.printf("Torture: %d events in %d commits, %d concurrency conflicts retried%n",
                    committed.size(), WRITERS * COMMITS_PER_WRITER, conflicts.get());
            assertThat(conflicts.get()).as("writers raced for the same aggregates (the first commits alone: all but one)")
                    .isGreaterThanOrEqualTo(WRITERS - 1);
            for (Future<List<TrackedEventMessage<?>>> reader : readers) {
                List<TrackedEventMessage<?>> seen = reader.get(2, TimeUnit.MINUTES);
                List<String> ids = seen.stream().map(EventMessage::getIdentifier).toList();
                assertThat(ids).as("no event twice").doesNotHaveDuplicates();
                assertThat(new HashSet<>(ids)).as("exactly the committed events").isEqualTo(committed.keySet());
                assertPerAggregateOrder(seen);
            }
            pool.shutdownNow();
        } finally {
            clients.forEach(DynamoDbClient::close);
        }
    }

    private DynamoDbEventStorageEngine engine(DynamoDbClient client, EventTables tables, boolean delayCommits) {
        DynamoDbEventStorageEngine.Builder builder = DynamoDbEventStorageEngine.builder()
                .client(client)
                .tables(tables)
                .partitions(PARTITIONS)
                .batchSize(50)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer);
        return new DynamoDbEventStorageEngine(builder, delayCommits ? GlobalStreamTortureTest::randomDelay : () -> {
        });
    }

    /** Positions are assigned: let the other writers get ahead now and then. */
    private static void randomDelay() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextInt(4) == 0) {
            try {
                Thread.sleep(random.nextInt(1, 25));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Void write(DynamoDbEventStorageEngine engine) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int commit = 0; commit < COMMITS_PER_WRITER; commit++) {
            boolean raceFromTheSameState = commit == 0;
            String aggregate = raceFromTheSameState ? "aggregate-0" : "aggregate-" + random.nextInt(AGGREGATES);
            int size = random.nextInt(1, 6);
            while (true) {
                // As a repository: learn the aggregate's last sequence, append after it, retry on a conflict.
                long next = engine.lastSequenceNumberFor(aggregate).map(last -> last + 1).orElse(0L);
                List<EventMessage<?>> events = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    events.add(new GenericDomainEventMessage<>("Torture", aggregate, next + i, "payload-" + (next + i)));
                }
                if (raceFromTheSameState) {
                    // Nobody appends before every writer has read: they all append at the same sequence.
                    sameState.await(1, TimeUnit.MINUTES);
                    raceFromTheSameState = false;
                }
                try {
                    engine.appendEvents(events);
                    events.forEach(e -> committed.put(e.getIdentifier(), aggregate));
                    break;
                } catch (ConcurrencyException | AggregateStreamCreationException lost) {
                    conflicts.incrementAndGet();
                }
            }
        }
        return null;
    }

    private List<TrackedEventMessage<?>> follow(DynamoDbEventStorageEngine engine, AtomicBoolean writing) throws InterruptedException {
        List<TrackedEventMessage<?>> seen = new ArrayList<>();
        TrackingToken token = engine.createTailToken();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            boolean writersDone = !writing.get();
            List<TrackedEventMessage<?>> batch;
            try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(token, false)) {
                batch = new ArrayList<>(stream.toList());
            }
            if (!batch.isEmpty()) {
                seen.addAll(batch);
                token = batch.get(batch.size() - 1).trackingToken();
            } else if (writersDone && seen.size() >= committed.size()) {
                return seen;
            } else {
                Thread.sleep(20);
            }
        }
        return seen;
    }

    private static void assertPerAggregateOrder(List<TrackedEventMessage<?>> seen) {
        Map<String, Long> last = new HashMap<>();
        for (TrackedEventMessage<?> message : seen) {
            DomainEventMessage<?> event = (DomainEventMessage<?>) message;
            long previous = last.getOrDefault(event.getAggregateIdentifier(), -1L);
            assertThat(event.getSequenceNumber()).as("order of %s", event.getAggregateIdentifier()).isEqualTo(previous + 1);
            last.put(event.getAggregateIdentifier(), event.getSequenceNumber());
        }
        Set<String> aggregates = last.keySet();
        assertThat(aggregates).hasSizeLessThanOrEqualTo(AGGREGATES);
    }
}
