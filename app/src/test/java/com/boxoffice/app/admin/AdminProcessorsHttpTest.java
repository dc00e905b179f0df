package com.boxoffice.app.admin;

import com.boxoffice.app.testing.DemoTokens;
import com.boxoffice.axon.dynamodb.tokenstore.DynamoDbTokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The admin endpoint for event processors over HTTP, on the whole application (embedded DynamoDB Local). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "boxoffice.dynamodb.embedded.in-memory=true",
        "boxoffice.kinesis.enabled=false",
        "boxoffice.admin.token=" + AdminProcessorsHttpTest.TOKEN})
class AdminProcessorsHttpTest {

    static final String TOKEN = "test-admin-token-7f3a";
    private static final String CATALOGUE = "ticketing-catalogue";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The streaming processors of ticketing and cart. */
    private static final List<String> CONTEXT_PROCESSORS =
            List.of(CATALOGUE, "cart-projection", "order-projection", "checkout-process");

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    DynamoDbTokenStore tokenStore;

    @Test
    void listsTheProcessorsOfBothContextsWithSegmentsOwnersAndPositions() {
        String concert = scheduleConcert("Listed");
        awaitInCatalogue(concert);

        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> response = send(admin("/api/admin/processors").GET());
            assertThat(response.statusCode()).isEqualTo(200);
            List<String> names = new ArrayList<>();
            for (JsonNode processor : json.readTree(response.body())) {
                names.add(processor.get("name").asString());
                if (!CONTEXT_PROCESSORS.contains(processor.get("name").asString())) {
                    continue;
                }
                assertThat(processor.get("type").asString()).isEqualTo("pooled");
                assertThat(processor.get("running").asBoolean()).as("%s running", processor).isTrue();
                assertThat(processor.get("error").asBoolean()).isFalse();
                assertThat(processor.get("segments").size()).as("%s segments", processor).isPositive();
                for (JsonNode segment : processor.get("segments")) {
                    assertThat(segment.get("owner").asString()).as("%s owner", processor.get("name")).isEqualTo(tokenStore.owner());
                    assertThat(segment.get("position").asString()).isNotBlank();
                    assertThat(segment.has("mask")).isTrue();
                    assertThat(segment.get("lag").isNumber()).isTrue();
                }
            }
            assertThat(names).containsAll(CONTEXT_PROCESSORS);
        });
        JsonNode catalogue = processor(CATALOGUE);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(processor(CATALOGUE).get("lag").asLong()).isZero());
        assertThat(catalogue.get("supportsReset").asBoolean()).isTrue();
        assertThat(processor("checkout-process").get("supportsReset").asBoolean()).isFalse();
    }

    @Test
    void withoutTheRightTokenTheAnswerIs401() {
        for (String authorization : new String[]{null, "Bearer wrong-token", "Basic " + TOKEN}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/admin/processors")).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = send(request);
            assertThat(response.statusCode()).as(authorization).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
            assertProblem(response, "Unauthenticated");
        }
        HttpResponse<String> reset = send(HttpRequest.newBuilder(uri("/api/admin/processors/" + CATALOGUE + "/reset"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"TAIL\"}")));
        assertThat(reset.statusCode()).isEqualTo(401);
        assertProblem(reset, "Unauthenticated");
    }

    @Test
    void resetToTailReplaysTheCatalogueAndRunsTheProcessorAgain() {
        String concert = scheduleConcert("Replayed");
        awaitInCatalogue(concert);

        HttpResponse<String> response = reset(CATALOGUE, "{\"to\":\"TAIL\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode state = json.readTree(response.body());
        assertThat(state.get("name").asString()).isEqualTo(CATALOGUE);
        assertThat(state.get("running").asBoolean()).isTrue();
        // The reset emptied the catalogue; the replay brings the concert scheduled before it back.
        awaitInCatalogue(concert);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode replayed = processor(CATALOGUE);
            assertThat(replayed.get("running").asBoolean()).isTrue();
            assertThat(replayed.get("replaying").asBoolean()).isFalse();
            assertThat(replayed.get("lag").asLong()).isZero();
        });
        String later = scheduleConcert("After the replay");
        awaitInCatalogue(later);
    }

    @Test
    void resetToATimeReplaysOnlyWhatWasStoredSince() throws InterruptedException {
        String before = scheduleConcert("Before the cut");
        awaitInCatalogue(before);
        Thread.sleep(50);
        Instant cut = Instant.now();
        Thread.sleep(50);
        String since = scheduleConcert("After the cut");
        awaitInCatalogue(since);

        HttpResponse<String> response = reset(CATALOGUE, "{\"to\":\"" + cut + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("running").asBoolean()).isTrue();
        awaitInCatalogue(since);
        // The catalogue empties itself on a reset, so what came before the cut is not in it any more: use TAIL for it.
        assertThat(send(HttpRequest.newBuilder(uri("/api/concerts/" + before)).GET()).statusCode()).isEqualTo(404);
        reset(CATALOGUE, "{\"to\":\"TAIL\"}");
        awaitInCatalogue(before);
    }

    @Test
    void unknownProcessorIs404() {
        HttpResponse<String> response = reset("no-such-processor", "{\"to\":\"TAIL\"}");
        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response, "Unknown processor");
        assertThat(send(admin("/api/admin/processors/no-such-processor").GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void aTargetThatIsNotTailHeadOrAnInstantIs400() {
        for (String body : new String[]{"{\"to\":\"yesterday\"}", "{}", "{\"to\":\"2026-11-30T10:00:00\"}", "{\"to\":\"2999-01-01T00:00:00Z\"}"}) {
            HttpResponse<String> response = reset(CATALOGUE, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            JsonNode problem = assertProblem(response, "Invalid request");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("to");
        }
        HttpResponse<String> malformed = reset(CATALOGUE, "{\"to\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(processor(CATALOGUE).get("running").asBoolean()).isTrue();
    }

    @Test
    void aProcessorThatDisallowsReplaysIsNotReset() {
        HttpResponse<String> response = reset("checkout-process", "{\"to\":\"TAIL\"}");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(assertProblem(response, "Reset refused").get("detail").asString()).contains("@DisallowReplay");
        assertThat(processor("checkout-process").get("running").asBoolean()).isTrue();
    }

    private JsonNode processor(String name) {
        HttpResponse<String> response = send(admin("/api/admin/processors/" + name).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> reset(String name, String body) {
        return send(admin("/api/admin/processors/" + name + "/reset").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode assertProblem(HttpResponse<String> response, String title) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("title").asString()).isEqualTo(title);
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.get("detail").asString()).isNotBlank();
        return problem;
    }

    private String scheduleConcert(String name) {
        String body = """
                {"name":"%s","venue":"Admin Hall","startsAt":"%s","capacity":100,"ticketPrice":"25.00"}"""
                .formatted(name, Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/concerts"))
                .header("Authorization", DemoTokens.bearer("http://localhost:" + port, DemoTokens.STAFF))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("concertId").asString();
    }

    private void awaitInCatalogue(String concertId) {
        await("concert " + concertId + " in the catalogue").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> send(HttpRequest.newBuilder(uri("/api/concerts/" + concertId)).GET()).statusCode() == 200);
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
