package com.boxoffice.bench;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Measures the DynamoDB event storage engine beside Axon's in-memory engine and Axon's JDBC engine on HSQLDB, in one
 * run on one machine, so that the figures read as ratios. Prints Markdown tables.
 * <p>
 * {@code java -jar bench.jar on-sale} runs {@link com.boxoffice.bench.onsale.OnSaleBenchmark} instead.
 * Options ({@code --name=value}): {@code engines} (memory,jdbc,dynamodb; also dynamodb-uncompressed), {@code seconds} per append scenario (10),
 * {@code catch-up-events} (100000), {@code idle-seconds} (10).
 */
public final class EventStoreBenchmark {

    private static final String NOTE = "x".repeat(170);
    private static final String AGGREGATE_TYPE = "Concert";
    private static final long MAX_EVENTS_PER_SCENARIO = 100_000;

    private final Map<String, String> options;
    private final Serializer serializer = Jackson3Serializer.builder().build();

    private EventStoreBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("on-sale")) {
            com.boxoffice.bench.onsale.OnSaleBenchmark.main(args);
            return;
        }
        Map<String, String> options = Arrays.stream(args)
                .filter(a -> a.startsWith("--") && a.contains("="))
                .collect(Collectors.toMap(a -> a.substring(2, a.indexOf('=')), a -> a.substring(a.indexOf('=') + 1)));
        new EventStoreBenchmark(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        List<String> engines = List.of(option("engines", "memory,jdbc,dynamodb").split(","));
        Duration appendDuration = Duration.ofSeconds(Long.parseLong(option("seconds", "10")));
        int catchUpEvents = Integer.parseInt(option("catch-up-events", "100000"));
        Duration idle = Duration.ofSeconds(Long.parseLong(option("idle-seconds", "10")));
        Targets targets = new Targets(serializer);

        List<String> appendRows = new ArrayList<>();
        List<String> sourcingRows = new ArrayList<>();
        List<String> streamRows = new ArrayList<>();
        for (String engine : engines) {
            Supplier<Target> fresh = () -> targets.create(engine);
            try (Target target = fresh.get()) {
                for (int threads : new int[]{1, 8}) {
                    for (int commitSize : new int[]{1, 10}) {
                        appendRows.add(appends(target, threads, commitSize, appendDuration));
                    }
                }
                sourcingRows.add(sourcing(target, false));
                sourcingRows.add(sourcing(target, true));
            }
            try (Target target = fresh.get()) {
                streamRows.add(catchUpAndIdle(target, catchUpEvents, idle));
            }
        }
        System.out.println();
        System.out.println("### Appends (" + appendDuration.toSeconds() + " s per row, ~300 B events, each thread its own aggregates)");
        System.out.println("| engine | threads | events/commit | commits/s | events/s | p50 ms | p99 ms | head conflicts per 1,000 commits | WCU/event reported | WCU/event computed (AWS rules) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        appendRows.forEach(System.out::println);
        System.out.println();
        System.out.println("### Sourcing one aggregate of 1,000 events (median of 5 loads)");
        System.out.println("| engine | snapshot | ms/load | requests/load | RCU/load reported | RCU/load computed |");
        System.out.println("|---|---|---|---|---|---|");
        sourcingRows.forEach(System.out::println);
        System.out.println();
        System.out.println("### Global stream: tracking processor catch-up over " + catchUpEvents + " events, then idle " + idle.toSeconds() + " s");
        System.out.println("| engine | write time (8 threads, 10/commit) s | engine stream read events/s | requests per 1,000 events | items read per event | RCU per 1,000 events computed (reported) | tracking processor catch-up events/s | raw Query of the same data: items/s (events/s) | idle requests/s | idle RCU/s computed (reported) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        streamRows.forEach(System.out::println);
    }

    private String appends(Target target, int threads, int commitSize, Duration duration) throws Exception {
        warmUp(target);
        CapacityMeter.Snapshot before = capacity(target);
        long conflictsBefore = target.conflicts().getAsLong();
        AtomicLong commits = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[(int) (MAX_EVENTS_PER_SCENARIO / commitSize) + 1];
            latencies.add(mine);
            futures.add(pool.submit(() -> {
                String aggregate = UUID.randomUUID().toString();
                long sequence = 0;
                int n = 0;
                // Bounded by time and by count: the in-memory engine would otherwise hold millions of events.
                while (System.nanoTime() < deadline && commits.get() * commitSize < MAX_EVENTS_PER_SCENARIO) {
                    long began = System.nanoTime();
                    target.engine().appendEvents(commit(aggregate, sequence, commitSize));
                    mine[n++] = System.nanoTime() - began;
                    sequence += commitSize;
                    commits.incrementAndGet();
                    if (sequence >= 100) {
                        aggregate = UUID.randomUUID().toString();
                        sequence = 0;
                    }
                }
                mine[mine.length - 1] = n;
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long events = commits.get() * commitSize;
        CapacityMeter.Snapshot used = capacity(target).minus(before);
        long conflicts = target.conflicts().getAsLong() - conflictsBefore;
        return String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %.1f | %.1f | %.0f | %s | %s |", target.name(), threads, commitSize,
                commits.get() / seconds, events / seconds, percentile(latencies, 0.50), percentile(latencies, 0.99),
                1000.0 * conflicts / Math.max(1, commits.get()),
                perUnit(target, used.reportedWrite(), events), perUnit(target, used.computedWrite(), events));
    }

    /** The percentile of the threads' commit latencies, in ms; each array's last slot holds its count. */
    private static double percentile(List<long[]> latencies, double fraction) {
        List<Long> all = new ArrayList<>();
        for (long[] mine : latencies) {
            for (int i = 0; i < mine[mine.length - 1]; i++) {
                all.add(mine[i]);
            }
        }
        if (all.isEmpty()) {
            return 0;
        }
        all.sort(Long::compare);
        return all.get((int) Math.min(all.size() - 1, Math.floor(fraction * all.size()))) / 1e6;
    }

    private void warmUp(Target target) {
        String aggregate = UUID.randomUUID().toString();
        for (int i = 0; i < 50; i++) {
            target.engine().appendEvents(commit(aggregate, i, 1));
        }
    }

    private String sourcing(Target target, boolean withSnapshot) {
        String aggregate = UUID.randomUUID().toString();
        for (int sequence = 0; sequence < 1000; sequence += 10) {
            target.engine().appendEvents(commit(aggregate, sequence, 10));
        }
        if (withSnapshot) {
            target.engine().storeSnapshot(new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregate, 999,
                    new BenchSnapshot(aggregate, 999, List.of("order-1", "order-2", "order-3"))));
        }
        List<Double> millis = new ArrayList<>();
        long requests = 0;
        CapacityMeter.Snapshot before = capacity(target);
        int loads = 5;
        for (int i = 0; i < loads; i++) {
            long requestsBefore = target.requests().getAsLong();
            long start = System.nanoTime();
            long loaded = load(target.engine(), aggregate, withSnapshot);
            millis.add((System.nanoTime() - start) / 1e6);
            requests += target.requests().getAsLong() - requestsBefore;
            if (loaded != (withSnapshot ? 1 : 1000)) {
                throw new IllegalStateException(target.name() + " loaded " + loaded + " messages");
            }
        }
        millis.sort(Double::compare);
        CapacityMeter.Snapshot used = capacity(target).minus(before);
        return String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %s | %s |", target.name(), withSnapshot ? "yes" : "no",
                millis.get(loads / 2), (double) requests / loads,
                perUnit(target, used.reportedRead(), loads), perUnit(target, used.computedRead(), loads));
    }

    /** What a repository does: the latest snapshot, if any, then the events after it. Returns messages read. */
    private static long load(EventStorageEngine engine, String aggregate, boolean withSnapshot) {
        if (withSnapshot) {
            long snapshotSequence = engine.readSnapshot(aggregate).orElseThrow().getSequenceNumber();
            return 1 + engine.readEvents(aggregate, snapshotSequence + 1).asStream().count();
        }
        return engine.readEvents(aggregate).asStream().count();
    }

    private String catchUpAndIdle(Target target, int events, Duration idle) throws Exception {
        long writeStart = System.nanoTime();
        int threads = 8;
        int perThread = events / threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int written = 0; written < perThread; written += 10) {
                    target.engine().appendEvents(commit(UUID.randomUUID().toString(), 0, Math.min(10, perThread - written)));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        long total = (long) perThread * threads;

        CapacityMeter.Snapshot beforeRead = capacity(target);
        long requestsBeforeRead = target.requests().getAsLong();
        long readStart = System.nanoTime();
        long read;
        try (var stream = target.engine().readEvents(target.engine().createTailToken(), false)) {
            read = stream.count();
        }
        double rawReadRate = read / ((System.nanoTime() - readStart) / 1e9);
        CapacityMeter.Snapshot streamRead = capacity(target).minus(beforeRead);
        long streamRequests = target.requests().getAsLong() - requestsBeforeRead;
        String rawQuery = "–";
        if (target.rawRead() != null) {
            long rawStart = System.nanoTime();
            long[] raw = target.rawRead().readAll();
            double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
            rawQuery = String.format(Locale.ROOT, "%.0f (%.0f)", raw[0] / rawSeconds, raw[1] / rawSeconds);
        }

        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(target.engine()).build();
        Counter counter = new Counter();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("bench")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(counter).build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(100))
                .build();
        long start = System.nanoTime();
        processor.start();
        while (counter.count.get() < total) {
            Thread.sleep(5);
        }
        double catchUpSeconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(2000);
        long requestsBefore = target.requests().getAsLong();
        CapacityMeter.Snapshot beforeIdle = capacity(target);
        Thread.sleep(idle.toMillis());
        double idleRate = (target.requests().getAsLong() - requestsBefore) / (double) idle.toSeconds();
        CapacityMeter.Snapshot idleUse = capacity(target).minus(beforeIdle);
        processor.shutDown();
        store.shutDown();
        if (counter.count.get() != total) {
            throw new IllegalStateException(target.name() + " delivered " + counter.count.get() + " of " + total);
        }
        String streamCost = target.capacity() == null ? "– | – | –" : String.format(Locale.ROOT, "%.1f | %.2f | %.0f (%.0f)",
                1000.0 * streamRequests / read, (double) streamRead.itemsRead() / read,
                1000.0 * streamRead.computedRead() / read, 1000.0 * streamRead.reportedRead() / read);
        String idleCost = target.capacity() == null ? "–" : String.format(Locale.ROOT, "%.2f (%.2f)",
                idleUse.computedRead() / idle.toSeconds(), idleUse.reportedRead() / idle.toSeconds());
        return String.format(Locale.ROOT, "| %s | %.1f | %.0f | %s | %.0f | %s | %.2f | %s |", target.name(), writeSeconds,
                rawReadRate, target.capacity() == null ? (read == 0 ? "–" : String.format(Locale.ROOT, "%.1f | – | –",
                        1000.0 * streamRequests / read)) : streamCost,
                total / catchUpSeconds, rawQuery, idleRate, idleCost);
    }

    private List<EventMessage<?>> commit(String aggregate, long firstSequence, int size) {
        List<EventMessage<?>> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            events.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregate, firstSequence + i,
                    new BenchEvent(aggregate, UUID.randomUUID().toString(), 2, "45.00", NOTE)));
        }
        return events;
    }

    private static CapacityMeter.Snapshot capacity(Target target) {
        return target.capacity() == null ? new CapacityMeter.Snapshot(0, 0, 0, 0, 0, 0) : target.capacity().snapshot();
    }

    private static String perUnit(Target target, double units, long per) {
        return target.capacity() == null ? "–" : String.format(Locale.ROOT, "%.2f", units / per);
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** Counts what the tracking processor delivers. */
    public static final class Counter {
        final AtomicLong count = new AtomicLong();

        @EventHandler
        public void on(BenchEvent event) {
            count.incrementAndGet();
        }
    }
}
