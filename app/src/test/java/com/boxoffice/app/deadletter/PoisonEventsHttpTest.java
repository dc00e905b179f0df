package com.boxoffice.app.deadletter;

import com.boxoffice.app.testing.DemoTokens;
import com.boxoffice.app.BoxofficeApplication;
import com.boxoffice.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison event cannot stop a processor: the whole application, on the test DynamoDB Local, with a catalogue that
 * fails permanently for one concert. That concert's events wait in the dead-letter queue, in order, while other
 * concerts flow on; they survive a restart (a new application context on the same tables), and a retry after the
 * fix drains them and completes the catalogue. Then the operator's endpoints: auth, 404s, problem+json.
 */
class PoisonEventsHttpTest {

    private static final String TOKEN = "dead-letter-admin-token";
    private static final String CATALOGUE = "ticketing-catalogue";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String prefix = LocalDynamoDb.uniquePrefix();
    private ConfigurableApplicationContext app;
    private int port;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        PoisonedCatalogue.broken = true;
    }

    @Test
    void aPoisonedConcertWaitsInTheQueueOthersFlowAndARetryAfterTheFixCompletesTheCatalogue() {
        start();
        String poisoned = scheduleConcert(PoisonedCatalogue.POISON + " night");
        String fine = scheduleConcert("Fine evening");
        assertThat(send(request("/api/concerts/" + poisoned + "/cancel")
                .header("Authorization", DemoTokens.bearer("http://localhost:" + port, DemoTokens.STAFF))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(200);
        awaitInCatalogue(fine);

        JsonNode parked = await("the poisoned concert's two events parked").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> catalogueDeadLetters(), group -> group.get("letters").asLong() == 2);
        assertThat(parked.get("sequences").asLong()).isEqualTo(1);
        JsonNode sequence = parked.get("shown").get(0);
        assertThat(sequence.get("sequenceId").asString()).isEqualTo(poisoned);
        assertThat(sequence.get("letters").asLong()).isEqualTo(2);
        assertThat(sequence.get("first").get("eventType").asString()).endsWith("ConcertScheduled");
        assertThat(sequence.get("first").get("aggregateId").asString()).isEqualTo(poisoned);
        assertThat(sequence.get("first").get("causeType").asString()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(sequence.get("first").get("causeMessage").asString()).contains("test bug");
        assertThat(sequence.get("first").get("diagnostics").get("processingGroup").asString()).isEqualTo(CATALOGUE);
        assertThat(sequence.get("last").get("eventType").asString()).endsWith("ConcertCancelled");
        assertThat(sequence.get("first").get("enqueuedAt").asString()).isNotBlank();
        assertThat(send(request("/api/concerts/" + poisoned).GET()).statusCode()).isEqualTo(404);
        // The processor is not stuck: a concert scheduled after the poison still arrives.
        awaitInCatalogue(scheduleConcert("Later evening"));
        JsonNode processor = json.readTree(send(admin("/api/admin/processors/" + CATALOGUE).GET()).body());
        assertThat(processor.get("error").asBoolean()).isFalse();

        restart();
        JsonNode afterRestart = catalogueDeadLetters();
        assertThat(afterRestart.get("letters").asLong()).as("nothing lost in the restart").isEqualTo(2);
        JsonNode health = json.readTree(send(request("/actuator/health")
                .header("Authorization", DemoTokens.bearer("http://localhost:" + port, DemoTokens.OPERATOR)).GET()).body());
        assertThat(health.get("components").get("deadLetters").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("deadLetters").get("details").get("groups").get(CATALOGUE)
                .get("letters").asLong()).isEqualTo(2);

        PoisonedCatalogue.broken = false;
        HttpResponse<String> retry = send(admin("/api/admin/dead-letters/" + CATALOGUE + "/retry/" + poisoned)
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        JsonNode outcome = json.readTree(retry.body());
        assertThat(outcome.get("drained").asInt()).isEqualTo(1);
        assertThat(outcome.get("sequences").get(0).get("outcome").asString()).isEqualTo("DRAINED");
        JsonNode concert = json.readTree(send(request("/api/concerts/" + poisoned).GET()).body());
        assertThat(concert.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(catalogueDeadLetters().get("letters").asLong()).isZero();
        // After the drain, the concert's new events are handled live again.
        assertThat(send(request("/api/concerts/" + fine).GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void aRetryThatFailsAgainLeavesTheSequenceParkedAndEvictDropsIt() {
        start();
        String poisoned = scheduleConcert(PoisonedCatalogue.POISON + " matinee");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> catalogueDeadLetters().get("letters").asLong() == 1);

        HttpResponse<String> retryAll = send(admin("/api/admin/dead-letters/" + CATALOGUE + "/retry")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(retryAll.statusCode()).as(retryAll.body()).isEqualTo(200);
        JsonNode outcome = json.readTree(retryAll.body());
        assertThat(outcome.get("parked").asInt()).isEqualTo(1);
        JsonNode still = outcome.get("sequences").get(0);
        assertThat(still.get("outcome").asString()).isEqualTo("PARKED");
        assertThat(still.get("head").get("diagnostics").get("retries").asLong()).isEqualTo(1);

        HttpResponse<String> evicted = send(admin("/api/admin/dead-letters/" + CATALOGUE + "/" + poisoned).DELETE());
        assertThat(evicted.statusCode()).as(evicted.body()).isEqualTo(200);
        assertThat(json.readTree(evicted.body()).get("evicted").asInt()).isEqualTo(1);
        assertThat(catalogueDeadLetters().get("sequences").asLong()).isZero();
    }

    @Test
    void theEndpointsNeedTheAdminTokenAndAnswerProblems() {
        start();
        HttpResponse<String> anonymous = send(request("/api/admin/dead-letters").GET());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertProblem(anonymous, "Unauthenticated");
        HttpResponse<String> wrong = send(request("/api/admin/dead-letters/" + CATALOGUE + "/retry")
                .header("Authorization", "Bearer nope").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(send(request("/api/admin/dead-letters/" + CATALOGUE + "/x").DELETE()).statusCode()).isEqualTo(401);

        HttpResponse<String> unknownGroup = send(admin("/api/admin/dead-letters/no-such-group/retry").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(unknownGroup.statusCode()).isEqualTo(404);
        assertProblem(unknownGroup, "Unknown dead-letter queue");
        HttpResponse<String> unknownSequence = send(admin("/api/admin/dead-letters/" + CATALOGUE + "/retry/nothing-parked")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(unknownSequence.statusCode()).isEqualTo(404);
        assertProblem(unknownSequence, "Unknown dead-letter sequence");
        assertThat(send(admin("/api/admin/dead-letters/" + CATALOGUE + "/nothing-parked").DELETE()).statusCode()).isEqualTo(404);
        HttpResponse<String> badLimit = send(admin("/api/admin/dead-letters?limit=0").GET());
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertProblem(badLimit, "Invalid request");

        HttpResponse<String> all = send(admin("/api/admin/dead-letters").GET());
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(json.readTree(all.body()).valueStream().map(group -> group.get("group").asString()))
                .contains(CATALOGUE, "cart-projection", "order-projection", "checkout-process", "event-trail");
    }

    private void start() {
        // As arguments: they win over application.yml (SpringApplicationBuilder.properties would not).
        app = new SpringApplicationBuilder(BoxofficeApplication.class, PoisonedCatalogue.Wiring.class)
                .run("--server.port=0",
                        "--boxoffice.dynamodb.mode=ENDPOINT",
                        "--boxoffice.dynamodb.endpoint=" + LocalDynamoDb.endpoint(),
                        "--boxoffice.dynamodb.table-prefix=" + prefix,
                        "--boxoffice.kinesis.enabled=false",
                        "--boxoffice.admin.token=" + TOKEN);
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        DemoTokens.forget("http://localhost:" + port);
    }

    /** Stops the application (its processors release their claims) and starts a new one on the same tables. */
    private void restart() {
        app.close();
        app = null;
        start();
    }

    private JsonNode catalogueDeadLetters() {
        HttpResponse<String> response = send(admin("/api/admin/dead-letters/" + CATALOGUE).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String scheduleConcert(String name) {
        String body = """
                {"name":"%s","venue":"Dead Letter Hall","startsAt":"%s","capacity":100,"ticketPrice":"25.00"}"""
                .formatted(name, Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        HttpResponse<String> response = send(request("/api/concerts").header("Content-Type", "application/json")
                .header("Authorization", DemoTokens.bearer("http://localhost:" + port, DemoTokens.STAFF))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("concertId").asString();
    }

    private void awaitInCatalogue(String concertId) {
        await("concert " + concertId + " in the catalogue").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> send(request("/api/concerts/" + concertId).GET()).statusCode() == 200);
    }

    private void assertProblem(HttpResponse<String> response, String title) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("title").asString()).isEqualTo(title);
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
    }

    private HttpRequest.Builder admin(String path) {
        return request(path).header("Authorization", "Bearer " + TOKEN);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(PATIENCE);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
