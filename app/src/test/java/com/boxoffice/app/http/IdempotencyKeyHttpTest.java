package com.boxoffice.app.http;

import com.boxoffice.app.testing.DemoTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code Idempotency-Key} over HTTP: a retry with the same key and request answers what the first answered and
 * creates nothing; the same key with another request is 422; a key is its caller's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"boxoffice.dynamodb.embedded.in-memory=true", "boxoffice.kinesis.enabled=false"})
class IdempotencyKeyHttpTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    DynamoDbClient dynamoDb;

    @Test
    void twentyParallelRetriesOfOneCheckoutPlaceOneOrderAndAllAnswerTheSame() throws Exception {
        String cartId = cartWithATicket();
        String key = UUID.randomUUID().toString();
        List<HttpResponse<String>> answers;
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, 20)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> http().post("/api/carts/" + cartId + "/checkout",
                            null, "Idempotency-Key", key), clients))
                    .toList();
            answers = sent.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdownNow();
        }

        HttpResponse<String> first = answers.get(0);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(202);
            assertThat(answer.body()).isEqualTo(first.body());
            assertThat(answer.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        }
        String orderId = Http.json(first).get("orderId").asString();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Http.json(http().get(
                "/api/events?aggregateId=" + orderId + "&type=OrderPlaced"))).hasSize(1));
        assertThat(Http.json(http().get("/api/events?aggregateId=" + cartId + "&type=CartCheckedOut"))).hasSize(1);
    }

    @Test
    void aRetriedOpeningAnswersTheSameCartAndAnotherCustomersSameKeyIsTheirs() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = http().post("/api/carts", null, "Idempotency-Key", key);
        HttpResponse<String> retry = http().post("/api/carts", null, "Idempotency-Key", key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotency-Replayed")).hasValue("true");

        HttpResponse<String> bobs = http().post("/api/carts", null, "Idempotency-Key", key,
                "Authorization", DemoTokens.bearer("http://localhost:" + port, DemoTokens.OTHER_CUSTOMER));
        assertThat(bobs.statusCode()).isEqualTo(201);
        assertThat(bobs.body()).isNotEqualTo(first.body());
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = http().post("/api/concerts", concert("Keyed"), "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(http().post("/api/concerts", concert("Keyed"), "Idempotency-Key", key).body()).isEqualTo(first.body());

        HttpResponse<String> other = http().post("/api/concerts", concert("Another"), "Idempotency-Key", key);
        Problems.assertProblem(other, 422, "This Idempotency-Key was used for another request (method, path or body):"
                + " use a new key for a new request");
        assertThat(Http.json(http().get("/api/events?type=ConcertScheduled&limit=1000")).findValuesAsString("name"))
                .doesNotContain("Another");
    }

    @Test
    void anUnusableKeyIsA400() {
        Problems.assertProblem(http().post("/api/carts", null, "Idempotency-Key", "x".repeat(256)), 400,
                "'Idempotency-Key' must be 1 to 255 visible ASCII characters, such as a UUID");
    }

    @Test
    void keysExpireByDynamoDbsTimeToLive() {
        assertThat(dynamoDb.describeTimeToLive(ttl -> ttl.tableName("boxoffice-idempotency-keys"))
                .timeToLiveDescription().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    }

    private String cartWithATicket() {
        String concertId = Http.json(http().post("/api/concerts", concert("Retried " + UUID.randomUUID())))
                .get("concertId").asString();
        String cartId = Http.json(http().post("/api/carts", null)).get("cartId").asString();
        await().atMost(PATIENCE).until(() -> http().post("/api/carts/" + cartId + "/items",
                "{\"concertId\":\"" + concertId + "\",\"quantity\":2}").statusCode() == 200);
        return cartId;
    }

    private static String concert(String name) {
        return """
                {"name":"%s","venue":"Hall","startsAt":"2031-07-01T20:00:00Z","capacity":100,"ticketPrice":"15.00"}"""
                .formatted(name);
    }

    private Http http() {
        return new Http(port);
    }
}
