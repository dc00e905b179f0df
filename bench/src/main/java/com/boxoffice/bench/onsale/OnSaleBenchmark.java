package com.boxoffice.bench.onsale;

import com.boxoffice.localaws.EmbeddedDynamoDb;
import com.boxoffice.ticketing.api.ReserveTickets;
import com.boxoffice.ticketing.api.ScheduleConcert;
import com.boxoffice.ticketing.api.TicketsSoldOutException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The on-sale of one concert: the ticketing context as the app wires it (Spring Boot, Axon, the DynamoDB event store,
 * the reservation desk, the catalogue's projection) on one in-memory DynamoDB Local in this JVM, with one or more
 * instances (application contexts of their own, sharing the tables as instances share them on AWS). {@code clients}
 * threads, spread over the instances, send {@code ReserveTickets} for one ticket each through the command gateway
 * until the concert is sold out; then every client sends one more, which must be refused as sold out.
 * <p>
 * Prints the overall rate, the rate of the first and the last 10,000 reservations, latency percentiles, and checks
 * that exactly {@code capacity} were sold. Before it, a concert of {@code warm-up} tickets is sold the same way, so that
 * the figures are those of a warm JVM, as a server's are when an on-sale opens. Options: {@code --clients=64
 * --capacity=100000 --instances=1 --warm-up=10000}, and any {@code --boxoffice.…=…} property of the application.
 */
@SpringBootApplication(scanBasePackages = "com.boxoffice.ticketing")
public class OnSaleBenchmark {

    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(option(args, "clients", "64"));
        int capacity = Integer.parseInt(option(args, "capacity", "100000"));
        int instances = Integer.parseInt(option(args, "instances", "1"));
        int warmUp = Integer.parseInt(option(args, "warm-up", "10000"));
        boolean exact;
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.startInMemory()) {
            List<ConfigurableApplicationContext> contexts = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                contexts.add(instance(dynamoDb, i, settings(args)));
            }
            try {
                List<CommandGateway> gateways = contexts.stream().map(c -> c.getBean(CommandGateway.class)).toList();
                if (warmUp > 0) {
                    System.out.println("Warm-up: another concert of " + warmUp + " tickets sold out first");
                    run(gateways, clients, warmUp);
                }
                exact = run(gateways, clients, capacity);
                for (ConfigurableApplicationContext context : contexts) {
                    var batches = context.getBean(com.boxoffice.ticketing.domain.ReservationBatches.class);
                    System.out.printf(Locale.ROOT, "  instance: %d batches (warm-up included), %d attempts, %.1f requests per batch%n",
                            batches.batchesDecided(), batches.attemptsMade(), (double) (capacity + warmUp + 2 * clients) / gateways.size() / batches.batchesDecided());
                }
            } finally {
                contexts.forEach(ConfigurableApplicationContext::close);
            }
        }
        System.exit(exact ? 0 : 1);
    }

    /** Arguments that set the application's own properties ({@code --boxoffice.…=…}) go to every instance. */
    private static String[] settings(String[] args) {
        return Arrays.stream(args).filter(arg -> arg.startsWith("--boxoffice.")).toArray(String[]::new);
    }

    private static ConfigurableApplicationContext instance(EmbeddedDynamoDb dynamoDb, int index, String[] settings) {
        return new SpringApplicationBuilder(OnSaleBenchmark.class)
                .web(WebApplicationType.NONE)
                .properties("axon.axonserver.enabled=false",
                        "axon.serializer.general=jackson3", "axon.serializer.events=jackson3", "axon.serializer.messages=jackson3",
                        "boxoffice.dynamodb.mode=ENDPOINT", "boxoffice.dynamodb.endpoint=" + dynamoDb.endpoint(),
                        "boxoffice.eventstore.partition-key-separator=/",
                        "boxoffice.kinesis.enabled=false",
                        "spring.application.name=on-sale-" + index,
                        "logging.level.root=WARN", "logging.level.com.amazonaws.services.dynamodbv2.local=ERROR",
                        "logging.level.org.axonframework=ERROR")
                .run(settings);
    }

    private static boolean run(List<CommandGateway> gateways, int clients, int capacity) throws Exception {
        UUID concert = UUID.randomUUID();
        gateways.get(0).sendAndWait(new ScheduleConcert(concert, "On-sale", "Arena", Instant.now().plus(Duration.ofDays(30)),
                capacity, new BigDecimal("50.00")));
        for (int i = 0; i < 20; i++) { // warm-up of every instance's code paths, counted in what is sold
            gateways.get(i % gateways.size()).sendAndWait(new ReserveTickets(concert, UUID.randomUUID(), 1));
        }
        AtomicInteger sold = new AtomicInteger(20);
        long[] soldAt = new long[capacity + 1];
        long[] latencies = new long[capacity + clients * 4];
        AtomicInteger measured = new AtomicInteger();
        AtomicInteger refusedAfter = new AtomicInteger();
        AtomicLong otherFailures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            CommandGateway gateway = gateways.get(c % gateways.size());
            futures.add(pool.submit(() -> {
                while (true) {
                    long sent = System.nanoTime();
                    try {
                        gateway.sendAndWait(new ReserveTickets(concert, UUID.randomUUID(), 1));
                        long done = System.nanoTime();
                        soldAt[sold.incrementAndGet()] = done;
                        latencies[measured.getAndIncrement()] = done - sent;
                    } catch (TicketsSoldOutException soldOut) {
                        break;
                    } catch (RuntimeException other) {
                        otherFailures.incrementAndGet();
                        System.err.println("Reservation failed: " + other);
                    }
                }
                // Sold out for this client: one more must be refused the same way.
                try {
                    gateway.sendAndWait(new ReserveTickets(concert, UUID.randomUUID(), 1));
                } catch (TicketsSoldOutException expected) {
                    refusedAfter.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        pool.shutdown();
        int total = sold.get();
        long end = Arrays.stream(soldAt, 21, Math.min(total, capacity) + 1).max().orElse(start);
        double seconds = (end - start) / 1e9;
        int window = Math.min(10_000, (total - 20) / 2);
        double first = window / ((soldAt[20 + window] - start) / 1e9);
        double last = window / ((end - soldAt[total - window]) / 1e9);
        long[] sorted = Arrays.copyOf(latencies, measured.get());
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%nOn-sale: %d instance(s), %d clients, %d tickets: %d sold in %.1f s = %.0f reservations/s"
                        + "%n  first %d at %.0f/s, last %d at %.0f/s (%.0f%%)%n  latency p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                        + "%n  refused as sold out afterwards: %d of %d clients; other failures: %d%n",
                gateways.size(), clients, capacity, total, seconds, (total - 20) / seconds, window, first, window, last,
                100 * last / first, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6, refusedAfter.get(), clients, otherFailures.get());
        boolean exact = total == capacity && refusedAfter.get() == clients && otherFailures.get() == 0;
        System.out.println(exact ? "Exactly " + capacity + " sold; every later request refused as sold out" : "NOT EXACT");
        return exact;
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
