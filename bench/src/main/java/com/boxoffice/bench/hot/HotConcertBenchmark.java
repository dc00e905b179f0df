package com.boxoffice.bench.hot;

import com.boxoffice.ticketing.api.ReserveTickets;
import com.boxoffice.ticketing.api.ScheduleConcert;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One hot concert: the ticketing context as the app wires it (Spring Boot, Axon, the DynamoDB event store on an
 * in-memory DynamoDB Local in this JVM), 16 concurrent clients each sending {@code ReserveTickets} for one ticket of
 * the same concert through the command gateway for a fixed time. Prints reservations per second and latency.
 * <p>
 * Options: {@code --clients=16 --seconds=20}.
 */
@SpringBootApplication(scanBasePackages = "com.boxoffice.ticketing")
public class HotConcertBenchmark {

    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(option(args, "clients", "16"));
        Duration duration = Duration.ofSeconds(Long.parseLong(option(args, "seconds", "20")));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HotConcertBenchmark.class)
                .web(WebApplicationType.NONE)
                .properties("axon.axonserver.enabled=false",
                        "axon.serializer.general=jackson3", "axon.serializer.events=jackson3", "axon.serializer.messages=jackson3",
                        "boxoffice.dynamodb.mode=EMBEDDED", "boxoffice.dynamodb.embedded.in-memory=true",
                        "logging.level.root=WARN", "logging.level.com.amazonaws.services.dynamodbv2.local=ERROR",
                        "logging.level.org.axonframework=ERROR")
                .run()) {
            CommandGateway gateway = context.getBean(CommandGateway.class);
            UUID concert = UUID.randomUUID();
            gateway.sendAndWait(new ScheduleConcert(concert, "Hot", "Arena", Instant.now().plus(Duration.ofDays(30)),
                    100_000, new BigDecimal("50.00")));
            for (int i = 0; i < 50; i++) {
                gateway.sendAndWait(new ReserveTickets(concert, UUID.randomUUID(), 1));
            }

            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            long deadline = System.nanoTime() + duration.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        long sent = System.nanoTime();
                        gateway.sendAndWait(new ReserveTickets(concert, UUID.randomUUID(), 1));
                        latencies.add(System.nanoTime() - sent);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "%nHot concert: %d clients, %d reservations in %.1f s = %.0f reservations/s; latency p50 %.1f ms, p99 %.1f ms%n",
                    clients, sorted.size(), seconds, sorted.size() / seconds,
                    sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6);
        }
        System.exit(0);
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
