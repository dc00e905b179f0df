package com.boxoffice.app.process;

import com.boxoffice.app.testing.DemoTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shop's REST API (see {@code shared/design/api.md}) as a test client of one running {@link AppProcess}, over real
 * HTTP, each request with a real token of the demo user whose role may make it ({@link DemoTokens#userFor}): carts
 * are the demo customer's. Reads come from projections that lag the commands, so the {@code await...} methods poll.
 */
public final class ShopClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> SETTLED = Set.of("CONFIRMED", "REJECTED");

    private final AppProcess app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ShopClient(AppProcess app) {
        this.app = app;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(app.uri(path)).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(app.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(app.uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A POST without a body, with an {@code Idempotency-Key}. */
    public HttpResponse<String> postWithKey(String path, String idempotencyKey) {
        return send(HttpRequest.newBuilder(app.uri(path)).header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Schedules a concert a month ahead and waits until the catalogue lists it (carts look prices up there). */
    public String scheduleConcert(String name, int capacity, String ticketPrice) {
        String body = """
                {"name":"%s","venue":"Test Hall","startsAt":"%s","capacity":%d,"ticketPrice":"%s"}"""
                .formatted(name, Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), capacity, ticketPrice);
        HttpResponse<String> response = post("/api/concerts", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("concertId").asString();
    }

    /** Waits until the catalogue knows the concert; returns it. */
    public JsonNode awaitConcert(String concertId) {
        await("concert " + concertId + " in the catalogue").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/api/concerts/" + concertId).statusCode() == 200);
        return concert(concertId);
    }

    public JsonNode concert(String concertId) {
        HttpResponse<String> response = get("/api/concerts/" + concertId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    public int available(String concertId) {
        return concert(concertId).get("available").asInt();
    }

    /** Waits until the catalogue shows the concert with that many tickets available. */
    public void awaitAvailable(String concertId, int expected, Duration timeout) {
        await("available tickets of concert " + concertId).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(available(concertId)).isEqualTo(expected));
    }

    /** Opens a cart of the demo customer (the token's subject). */
    public String openCart() {
        HttpResponse<String> response = post("/api/carts");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("cartId").asString();
    }

    public HttpResponse<String> addItemResponse(String cartId, String concertId, int quantity) {
        return post("/api/carts/" + cartId + "/items", "{\"concertId\":\"" + concertId + "\",\"quantity\":" + quantity + "}");
    }

    /** Adds tickets; answers the line as it stands after adding. */
    public JsonNode addItem(String cartId, String concertId, int quantity) {
        HttpResponse<String> response = addItemResponse(cartId, concertId, quantity);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** Checks the cart out; answers the order id. */
    public String checkout(String cartId) {
        HttpResponse<String> response = post("/api/carts/" + cartId + "/checkout");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String orderId = json(response).get("orderId").asString();
        assertThat(response.headers().firstValue("Location")).as("Location of the order")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/api/orders/" + orderId));
        return orderId;
    }

    /** Waits until the cart projection shows the cart in that status; returns it. */
    public JsonNode awaitCart(String cartId, String status) {
        return awaitCart(cartId, status, cart -> status.equals(cart.get("status").asString()));
    }

    /** Waits until the cart projection shows the cart as described; returns it. */
    public JsonNode awaitCart(String cartId, String description, Predicate<JsonNode> condition) {
        JsonNode[] cart = new JsonNode[1];
        await("cart " + cartId + " " + description).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    HttpResponse<String> response = get("/api/carts/" + cartId);
                    cart[0] = response.statusCode() == 200 ? json(response) : null;
                    return cart[0] != null && condition.test(cart[0]);
                });
        return cart[0];
    }

    /** Waits until the order is CONFIRMED or REJECTED (404 while its projection lags, then PENDING); returns it. */
    public JsonNode awaitSettled(String orderId, Duration timeout) {
        JsonNode[] order = new JsonNode[1];
        await("order " + orderId + " settled").atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    order[0] = orderOrNull(orderId);
                    return order[0] != null && SETTLED.contains(order[0].get("status").asString());
                });
        return order[0];
    }

    /** The order as its projection shows it now; null while the projection does not have it yet. */
    public JsonNode orderOrNull(String orderId) {
        HttpResponse<String> response = get("/api/orders/" + orderId);
        if (response.statusCode() == 404) {
            return null;
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(DemoTokens.authorized(request.timeout(Duration.ofSeconds(30)).build()),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(app.name() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
