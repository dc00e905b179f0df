package com.boxoffice.axon.kinesis.bench;

import com.boxoffice.axon.kinesis.CloudEventsMapper;
import com.boxoffice.axon.kinesis.KinesisMessageSource;
import com.boxoffice.axon.kinesis.KinesisPublisher;
import com.boxoffice.axon.kinesis.KinesisPublisherProcessor;
import com.boxoffice.axon.kinesis.KinesisStreamProvisioner;
import com.boxoffice.axon.kinesis.OrderedPutRecords;
import com.boxoffice.axon.kinesis.OrderingMode;
import com.boxoffice.axon.kinesis.PublishStatus;
import com.boxoffice.testing.KinesisEmulator;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Publisher throughput and end-to-end lag on kinesis-local (not a test: figures vary by machine).
 * <ol>
 *   <li>raw PutRecords: one thread, 500 records of a realistic CloudEvent size per request;</li>
 *   <li>publisher: a backlog of events in the in-memory event store drained by the publishing processor, for both
 *       ordering modes, as events/s and as a ratio of the raw rate;</li>
 *   <li>end-to-end lag: events appended at a steady rate, each read back from the stream with GetRecords (through
 *       {@link KinesisMessageSource}); lag = read time minus the event's timestamp (taken at append).</li>
 * </ol>
 * The emulator, not Kinesis, is the ceiling here: compare the publisher with raw PutRecords on the same emulator.
 * <p>
 * Run from the repository root (needs Node.js for the emulator):
 * {@code mvn -B -q -Dboxoffice.target=target -pl infrastructure test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=com.boxoffice.axon.kinesis.bench.KinesisPublishBenchmark}
 * (optional: {@code -Dexec.arguments=5000,200,1000,100} for backlog events, aggregates, lag events, lag rate per
 * second; not {@code -Dexec.args}, which would also replace the arguments of the module's npm install step).
 */
public final class KinesisPublishBenchmark {

    private static final String[] iteratorHolder = new String[1];

    private KinesisPublishBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int backlog = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int aggregates = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int lagEvents = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int lagRate = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        try (KinesisClient client = KinesisEmulator.newClient()) {
            byte[] sample = CloudEventsMapper.defaults().toCloudEvent(event("bench-concert-1", 0), false);
            System.out.printf("record size: %d bytes%n", sample.length);

            double raw = rawPutRecords(client, sample, backlog);
            System.out.printf("raw PutRecords:          %,8.0f records/s (%d records, 500 a request, 1 thread)%n",
                    raw, backlog);
            for (OrderingMode mode : OrderingMode.values()) {
                double publisher = publisher(client, mode, backlog, aggregates);
                System.out.printf("publisher %-8s:       %,8.0f events/s (%d events, %d aggregates) = %.2f of raw%n",
                        mode, publisher, backlog, aggregates, publisher / raw);
            }
            rawPutToGetLag(client, sample, 100);
            endToEndLag(client, lagEvents, lagRate, aggregates);
        }
        System.exit(0);
    }

    private static double rawPutRecords(KinesisClient client, byte[] data, int records) {
        String stream = KinesisEmulator.uniqueStreamName();
        new KinesisStreamProvisioner(client, stream, true, 2).ensureActive();
        List<PutRecordsRequestEntry> request = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            request.add(PutRecordsRequestEntry.builder().partitionKey("bench-concert-" + (i % 200))
                    .data(SdkBytes.fromByteArray(data)).build());
        }
        client.putRecords(r -> r.streamName(stream).records(request)); // warm-up
        long started = System.nanoTime();
        int sent = 0;
        while (sent < records) {
            var response = client.putRecords(r -> r.streamName(stream).records(request));
            sent += request.size() - response.failedRecordCount();
        }
        return sent / seconds(started);
    }

    private static double publisher(KinesisClient client, OrderingMode mode, int events, int aggregates)
            throws InterruptedException {
        String stream = KinesisEmulator.uniqueStreamName();
        new KinesisStreamProvisioner(client, stream, true, 2).ensureActive();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        PublishStatus status = new PublishStatus();
        Configuration configuration = producer(client, stream, mode, store, status);
        appendRounds(store, "bench-" + mode, aggregates, events / aggregates);
        long started = System.nanoTime();
        configuration.start();
        int expected = (events / aggregates) * aggregates;
        while (status.publishedRecords() < expected) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        double rate = expected / seconds(started);
        configuration.shutdown();
        return rate;
    }

    /** The emulator's own floor: one PutRecord, then GetRecords on its shard until it is there. */
    private static void rawPutToGetLag(KinesisClient client, byte[] data, int samples) throws InterruptedException {
        String stream = KinesisEmulator.uniqueStreamName();
        new KinesisStreamProvisioner(client, stream, true, 1).ensureActive();
        String shard = client.listShards(r -> r.streamName(stream)).shards().get(0).shardId();
        String iterator = client.getShardIterator(r -> r.streamName(stream).shardId(shard)
                .shardIteratorType(software.amazon.awssdk.services.kinesis.model.ShardIteratorType.LATEST)).shardIterator();
        iteratorHolder[0] = iterator;
        long[] micros = new long[samples];
        for (int i = 0; i < samples; i++) {
            long started = System.nanoTime();
            client.putRecord(r -> r.streamName(stream).partitionKey("k").data(SdkBytes.fromByteArray(data)));
            while (true) {
                var response = client.getRecords(r -> r.shardIterator(iteratorHolder[0] == null ? "" : iteratorHolder[0]));
                iteratorHolder[0] = response.nextShardIterator();
                if (!response.records().isEmpty()) {
                    break;
                }
            }
            micros[i] = (System.nanoTime() - started) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf("raw PutRecord -> GetRecords (emulator floor, %d samples): p50 %.1f ms, p99 %.1f ms%n",
                samples, micros[samples / 2] / 1000.0, micros[(int) (samples * 0.99)] / 1000.0);
    }

    private static void endToEndLag(KinesisClient client, int events, int ratePerSecond, int aggregates)
            throws Exception {
        String stream = KinesisEmulator.uniqueStreamName();
        new KinesisStreamProvisioner(client, stream, true, 2).ensureActive();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        Configuration configuration = producer(client, stream, OrderingMode.STRICT, store, new PublishStatus());
        configuration.start();
        KinesisMessageSource source = KinesisMessageSource.builder().client(client).streamName(stream)
                .idlePollInterval(Duration.ofMillis(20)).build();
        long[] lagsMicros = new long[events];
        Thread reader = new Thread(() -> {
            try (BlockingStream<TrackedEventMessage<?>> records = source.openStream(source.createTailToken())) {
                int read = 0;
                while (read < events) {
                    TrackedEventMessage<?> event = records.nextAvailable();
                    lagsMicros[read++] = Duration.between(event.getTimestamp(), Instant.now()).toNanos() / 1000;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lag-reader");
        reader.start();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long next = System.nanoTime();
        for (int i = 0; i < events; i++) {
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            store.publish(event("lag-concert-" + (i % aggregates), i / aggregates));
            next += intervalNanos;
        }
        reader.join(TimeUnit.MINUTES.toMillis(2));
        configuration.shutdown();
        Arrays.sort(lagsMicros);
        System.out.printf("end-to-end lag (append -> GetRecords, %d events at %d/s): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                events, ratePerSecond, lagsMicros[events / 2] / 1000.0, lagsMicros[(int) (events * 0.99)] / 1000.0,
                lagsMicros[events - 1] / 1000.0);
    }

    private static Configuration producer(KinesisClient client, String stream, OrderingMode mode,
                                          EmbeddedEventStore store, PublishStatus status) {
        KinesisPublisher publisher = KinesisPublisher.builder()
                .putRecords(OrderedPutRecords.builder().client(client)
                        .stream(new KinesisStreamProvisioner(client, stream, true, 2)).ordering(mode)
                        .maxRetryDuration(Duration.ofSeconds(30)).status(status).build())
                .status(status)
                .build();
        return DefaultConfigurer.defaultConfiguration()
                .configureEventStore(c -> store)
                .eventProcessing(processing -> {
                    processing.registerEventHandler(c -> publisher).registerTokenStore(c -> new InMemoryTokenStore());
                    KinesisPublisherProcessor.configure(processing, 500, 1);
                })
                .buildConfiguration();
    }

    private static void appendRounds(EmbeddedEventStore store, String prefix, int aggregates, int rounds) {
        for (int round = 0; round < rounds; round++) {
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            for (int a = 0; a < aggregates; a++) {
                batch.add(event(prefix + "-concert-" + a, round));
            }
            store.publish(batch);
        }
    }

    private static DomainEventMessage<?> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Concert", aggregateId, sequence,
                new BenchSeatsReserved(aggregateId, "block-" + (sequence % 12), List.of("A-1", "A-2", "A-3"),
                        "customer-" + sequence, 4_950),
                MetaData.with("correlationId", "corr-" + aggregateId + "-" + sequence).and("requestId", "req-" + sequence));
    }

    /** A payload of the size of a real reservation event. */
    public record BenchSeatsReserved(String concertId, String block, List<String> seats, String customer,
                                     long totalCents) {
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
