package com.boxoffice.app.process;

import com.boxoffice.app.testing.DemoTokens;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbClients;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbConnection;
import com.boxoffice.axon.dynamodb.eventstore.DynamoDbEventStorageEngine;
import com.boxoffice.axon.dynamodb.eventstore.EventTables;
import com.boxoffice.axon.dynamodb.serialization.TrackingTokenTyping;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbProperties;
import com.boxoffice.testing.LocalDynamoDb;
import com.boxoffice.ticketing.api.ConcertCancelled;
import com.boxoffice.ticketing.api.ConcertScheduled;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application jars (real processes, two ports, one DynamoDB Local) take a stream of commands; one is killed with
 * SIGKILL in the middle. The survivor takes over the dead one's processor segments after the claim timeout, and its
 * catalogue ends identical to what a fresh replay of the event store gives.
 */
class InstanceTakeoverIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * The application's default. Not less than Axon's own claim cycle: an idle pooled processor extends its claims
     * only about every 5 s (claim extension threshold, coordinator wake-up), so with a 5 s timeout a live instance's
     * claims lapse now and then, and the second instance could take segments from the first before it is killed.
     */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(15);
    /**
     * How long the survivor may take to own every segment after the kill: the dead instance's claims expire a claim
     * timeout after its last extension, and the survivor looks for claimable segments every 5 s (Axon's token claim
     * interval). A busy 2-core machine takes several times as long: 8 claim timeouts.
     */
    private static final Duration TAKE_OVER = CLAIM_TIMEOUT.multipliedBy(8);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger names = new AtomicInteger();

    @Test
    void theSurvivorTakesOverAndItsCatalogueMatchesAReplayOfTheStore() throws Exception {
        String prefix = LocalDynamoDb.uniquePrefix();
        List<String> shared = List.of(
                "boxoffice.dynamodb.mode=ENDPOINT",
                "boxoffice.dynamodb.endpoint=" + LocalDynamoDb.endpoint(),
                "boxoffice.dynamodb.table-prefix=" + prefix,
                "boxoffice.kinesis.enabled=false",
                "boxoffice.tokenstore.claim-timeout=" + CLAIM_TIMEOUT.toSeconds() + "s");
        try (DynamoDbClient client = DynamoDbClients.create(DynamoDbConnection.open(DynamoDbProperties.ofEndpoint(LocalDynamoDb.endpoint(), prefix)));
             AppProcess first = AppProcess.start("first", with(shared, "boxoffice.tokenstore.owner=first"));
             AppProcess second = startWhenFirstOwnsTheCatalogue(client, prefix, shared)) {
            for (int i = 0; i < 20; i++) {
                String id = schedule(i % 2 == 0 ? first : second);
                if (i % 5 == 0) {
                    cancel(i % 2 == 0 ? second : first, id);
                }
            }
            // The first instance holds the segments of the catalogue's processor; it dies mid-stream.
            List<String> ownersAtTheKill = catalogueOwners(client, prefix);
            int segments = ownersAtTheKill.size();
            first.kill();
            Instant killed = Instant.now();
            String afterKill = schedule(second);
            // The take-over itself, as the token table records it: a concert listed by the survivor proves only that
            // the segment of that concert moved, not the others.
            await("every segment of the catalogue's processor owned by the survivor").atMost(TAKE_OVER)
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(catalogueOwners(client, prefix)).as("segment owners")
                            .hasSize(segments).containsOnly("second"));
            Duration takeOver = Duration.between(killed, Instant.now());
            System.out.printf("Take-over after SIGKILL: all %d segments (%d of them the dead instance's) owned by the "
                    + "survivor after %d ms%n", segments, ownersAtTheKill.stream().filter("first"::equals).count(),
                    takeOver.toMillis());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> listed(second).containsKey(afterKill));
            for (int i = 0; i < 10; i++) {
                String id = schedule(second);
                if (i % 3 == 0) {
                    cancel(second, id);
                }
            }

            Map<String, String> replayed = replayStore(prefix);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(listed(second)).isEqualTo(replayed));
            assertThat(replayed).hasSize(31);
        }
    }

    /** Starts the second instance once the first owns all of the catalogue processor's segments. */
    private static AppProcess startWhenFirstOwnsTheCatalogue(DynamoDbClient client, String prefix, List<String> shared)
            throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    List<String> owners = catalogueOwners(client, prefix);
                    return !owners.isEmpty() && owners.stream().allMatch("first"::equals);
                });
        return AppProcess.start("second", with(shared, "boxoffice.tokenstore.owner=second"));
    }

    /** The owner of each segment of the catalogue's processor, read from the token table ("" for unclaimed). */
    private static List<String> catalogueOwners(DynamoDbClient client, String prefix) {
        return client.query(r -> r.tableName(prefix + "tokens").consistentRead(true)
                        .keyConditionExpression("processorName = :name")
                        .expressionAttributeValues(Map.of(":name", AttributeValue.fromS("ticketing-catalogue"))))
                .items().stream()
                .map(item -> item.containsKey("owner") ? item.get("owner").s() : "")
                .toList();
    }

    private static List<String> with(List<String> shared, String extra) {
        return Stream.concat(shared.stream(), Stream.of(extra)).toList();
    }

    private String schedule(AppProcess app) throws Exception {
        String body = """
                {"name":"Takeover %d","venue":"Hall","startsAt":"%s","capacity":100,"ticketPrice":"30.00"}"""
                .formatted(names.incrementAndGet(), Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        HttpResponse<String> response = http.send(DemoTokens.authorized(HttpRequest.newBuilder(app.uri("/api/concerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build()),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("concertId").asString();
    }

    private void cancel(AppProcess app, String concertId) throws Exception {
        HttpResponse<String> response = http.send(DemoTokens.authorized(HttpRequest.newBuilder(app.uri("/api/concerts/" + concertId + "/cancel"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** concertId → status, as the instance's catalogue lists it. */
    private Map<String, String> listed(AppProcess app) throws Exception {
        HttpResponse<String> response = http.send(DemoTokens.authorized(HttpRequest.newBuilder(app.uri("/api/concerts")).build()),
                HttpResponse.BodyHandlers.ofString());
        Map<String, String> statuses = new TreeMap<>();
        for (JsonNode concert : JSON.readTree(response.body())) {
            statuses.put(concert.get("concertId").asString(), concert.get("status").asString());
        }
        return statuses;
    }

    /** concertId → status, computed from every event in the store, read from its tail as a fresh processor would. */
    private Map<String, String> replayStore(String prefix) {
        Serializer serializer = Jackson3Serializer.builder().jsonMapperBuilderCustomizer(TrackingTokenTyping.customizer()).build();
        Map<String, String> statuses = new HashMap<>();
        try (DynamoDbClient client = DynamoDbClients.create(DynamoDbConnection.open(DynamoDbProperties.ofEndpoint(LocalDynamoDb.endpoint(), prefix)))) {
            DynamoDbEventStorageEngine engine = DynamoDbEventStorageEngine.builder().client(client)
                    .tables(EventTables.withPrefix(prefix)).partitions(16)
                    .eventSerializer(serializer).snapshotSerializer(serializer).build();
            try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(engine.createTailToken(), false)) {
                events.forEach(event -> {
                    if (event.getPayload() instanceof ConcertScheduled scheduled) {
                        statuses.put(scheduled.concertId().toString(), "SCHEDULED");
                    } else if (event.getPayload() instanceof ConcertCancelled cancelled) {
                        statuses.put(cancelled.concertId().toString(), "CANCELLED");
                    }
                });
            }
        }
        return new TreeMap<>(statuses);
    }

}
