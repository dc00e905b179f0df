package com.boxoffice.app.http;

import com.boxoffice.app.testing.DemoTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.boxoffice.app.testing.DemoTokens.CUSTOMER;
import static com.boxoffice.app.testing.DemoTokens.OPERATOR;
import static com.boxoffice.app.testing.DemoTokens.OTHER_CUSTOMER;
import static com.boxoffice.app.testing.DemoTokens.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what, over HTTP with real tokens of the development issuer: anonymous callers browse concerts and see
 * the health status; customers keep to their own carts and orders (another's answers exactly as one that does not
 * exist); staff schedule and cancel concerts and see everyone's carts and orders; operators operate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"boxoffice.dynamodb.embedded.in-memory=true", "boxoffice.kinesis.enabled=false"})
class AccessRulesHttpTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private String concertId;
    private String cartId;
    private String orderId;

    /** A concert, and a cart of the customer checked out into an order, both visible in their projections. */
    @BeforeEach
    void aliceHasACartAndAnOrder() {
        concertId = Http.json(as(STAFF, post("/api/concerts", """
                {"name":"Rules %s","venue":"Hall","startsAt":"2031-05-01T20:00:00Z","capacity":50,"ticketPrice":"20.00"}"""
                .formatted(UUID.randomUUID())))).get("concertId").asString();
        await().atMost(PATIENCE).until(() -> anonymous(get("/api/concerts/" + concertId)).statusCode() == 200);
        String checkedOut = newCartWithATicket();
        orderId = Http.json(as(CUSTOMER, post("/api/carts/" + checkedOut + "/checkout", null))).get("orderId").asString();
        cartId = newCartWithATicket();
        await().atMost(PATIENCE).until(() -> as(CUSTOMER, get("/api/orders/" + orderId)).statusCode() == 200);
        await().atMost(PATIENCE).until(() -> as(CUSTOMER, get("/api/carts/" + cartId)).statusCode() == 200);
    }

    @Test
    void anonymousCallersBrowseConcertsAndHealthAndNothingElse() {
        assertThat(anonymous(get("/api/concerts")).statusCode()).isEqualTo(200);
        assertThat(anonymous(get("/api/concerts/" + concertId)).statusCode()).isEqualTo(200);
        assertThat(anonymous(get("/actuator/health")).statusCode()).isEqualTo(200);
        for (HttpRequest request : List.of(post("/api/carts", null), get("/api/carts/" + cartId),
                get("/api/carts?status=OPEN&openLongerThan=PT0S"), post("/api/carts/" + cartId + "/checkout", null),
                get("/api/orders/" + orderId), post("/api/concerts", "{}"), post("/api/concerts/" + concertId + "/cancel", null),
                get("/api/events?type=OrderPlaced"), get("/api/requests/r-1/events"), get("/api/admin/processors"),
                get("/actuator/prometheus"), get("/actuator/metrics"))) {
            HttpResponse<String> response = anonymous(request);
            JsonNode problem = Problems.assertProblem(response, 401);
            assertThat(problem.get("detail").asString()).as(request.toString()).contains("needs a bearer token");
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(request.toString())
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
        }
    }

    @Test
    void theCartsCustomerIsTheTokensSubject() {
        assertThat(Http.json(as(CUSTOMER, get("/api/carts/" + cartId))).get("customerId").asString()).isEqualTo(CUSTOMER);
    }

    @Test
    void anotherCustomerTryingEveryOperationOnACartAndOrderLearnsNothing() {
        String unknownCart = UUID.randomUUID().toString();
        String unknownOrder = UUID.randomUUID().toString();
        String item = "{\"concertId\":\"" + concertId + "\",\"quantity\":1}";
        List<HttpRequest[]> foreignAndUnknown = List.of(
                new HttpRequest[]{get("/api/carts/" + cartId), get("/api/carts/" + unknownCart)},
                new HttpRequest[]{post("/api/carts/" + cartId + "/items", item), post("/api/carts/" + unknownCart + "/items", item)},
                new HttpRequest[]{delete("/api/carts/" + cartId + "/items/" + concertId),
                        delete("/api/carts/" + unknownCart + "/items/" + concertId)},
                new HttpRequest[]{post("/api/carts/" + cartId + "/checkout", null), post("/api/carts/" + unknownCart + "/checkout", null)},
                new HttpRequest[]{post("/api/carts/" + cartId + "/close", null), post("/api/carts/" + unknownCart + "/close", null)},
                new HttpRequest[]{get("/api/orders/" + orderId), get("/api/orders/" + unknownOrder)});
        for (HttpRequest[] pair : foreignAndUnknown) {
            JsonNode foreign = Problems.assertProblem(as(OTHER_CUSTOMER, pair[0]), 404);
            JsonNode unknown = Problems.assertProblem(as(OTHER_CUSTOMER, pair[1]), 404);
            assertThat(foreign.get("title")).as(pair[0].toString()).isEqualTo(unknown.get("title"));
            assertThat(foreign.get("detail").asString()).as(pair[0].toString())
                    .isEqualTo(unknown.get("detail").asString().replace(unknownCart, cartId).replace(unknownOrder, orderId));
        }
        JsonNode cart = Http.json(as(CUSTOMER, get("/api/carts/" + cartId)));
        assertThat(cart.get("status").asString()).as("untouched").isEqualTo("OPEN");
        assertThat(cart.get("items").get(0).get("quantity").asInt()).as("untouched").isEqualTo(1);
    }

    @Test
    void customersDoNotRunTheShopNorOperateIt() {
        for (HttpRequest request : List.of(post("/api/concerts", "{}"), post("/api/concerts/" + concertId + "/cancel", null),
                get("/api/carts?status=OPEN&openLongerThan=PT0S&limit=1000"), get("/api/events?type=OrderPlaced"),
                get("/api/requests/r-1/events"), get("/api/admin/processors"), get("/actuator/metrics"))) {
            HttpResponse<String> response = as(CUSTOMER, request);
            JsonNode problem = Problems.assertProblem(response, 403);
            assertThat(problem.get("detail").asString()).as(request.toString()).contains("(customer) do not allow");
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(request.toString())
                    .hasValueSatisfying(challenge -> assertThat(challenge).contains("insufficient_scope"));
        }
    }

    @Test
    void staffSeeEveryonesCartsAndOrdersAndTheAbandonedCartsButDoNotBuyNorOperate() {
        assertThat(Http.json(as(STAFF, get("/api/carts/" + cartId))).get("customerId").asString()).isEqualTo(CUSTOMER);
        assertThat(as(STAFF, get("/api/orders/" + orderId)).statusCode()).isEqualTo(200);
        HttpResponse<String> abandoned = as(STAFF, get("/api/carts?status=OPEN&openLongerThan=PT0S&limit=1000"));
        assertThat(abandoned.statusCode()).isEqualTo(200);
        assertThat(Http.json(abandoned).findValuesAsString("cartId")).contains(cartId);
        for (HttpRequest request : List.of(post("/api/carts", null), post("/api/carts/" + cartId + "/close", null),
                get("/api/events?type=OrderPlaced"), get("/api/admin/processors"), get("/actuator/prometheus"))) {
            Problems.assertProblem(as(STAFF, request), 403);
        }
    }

    @Test
    void staffScheduleAndCancelConcerts() {
        String cancelled = Http.json(as(STAFF, post("/api/concerts", """
                {"name":"Cancelled by staff","venue":"Hall","startsAt":"2031-06-01T20:00:00Z","capacity":5,"ticketPrice":"10.00"}""")))
                .get("concertId").asString();
        assertThat(as(STAFF, post("/api/concerts/" + cancelled + "/cancel", null)).statusCode()).isEqualTo(200);
    }

    @Test
    void operatorsBrowseEventsTracesAdminAndActuatorButNotCustomersCartsNorConcerts() {
        HttpResponse<String> placed = as(OPERATOR, get("/api/events?aggregateId=" + orderId + "&type=OrderPlaced"));
        assertThat(placed.statusCode()).isEqualTo(200);
        assertThat(Http.json(placed)).hasSize(1);
        assertThat(as(OPERATOR, get("/api/requests/r-1/events")).statusCode()).isEqualTo(200);
        assertThat(as(OPERATOR, get("/api/admin/processors")).statusCode()).isEqualTo(200);
        assertThat(as(OPERATOR, get("/actuator/prometheus")).statusCode()).isEqualTo(200);
        assertThat(Http.json(as(OPERATOR, get("/actuator/health"))).has("components")).as("health details").isTrue();
        assertThat(Http.json(anonymous(get("/actuator/health"))).has("components")).as("health details").isFalse();
        for (HttpRequest request : List.of(get("/api/carts/" + cartId), post("/api/concerts", "{}"), post("/api/carts", null))) {
            Problems.assertProblem(as(OPERATOR, request), 403);
        }
    }

    @Test
    void aTokenWithATamperedSignatureIsRefused() {
        String token = DemoTokens.token(base(), CUSTOMER);
        String[] parts = token.split("\\.");
        String forgedClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"bob\",\"aud\":\"boxoffice\",\"roles\":[\"staff\"],\"iss\":\"http://localhost:8080\",\"exp\":4102444800}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> forged = http().send(get("/api/carts?status=OPEN&openLongerThan=PT0S", "Authorization",
                "Bearer " + parts[0] + "." + forgedClaims + "." + parts[2]));
        JsonNode problem = Problems.assertProblem(forged, 401);
        assertThat(problem.get("detail").asString()).startsWith("The bearer token is not accepted");
        assertThat(forged.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("invalid_token"));
    }

    private String newCartWithATicket() {
        String cart = Http.json(as(CUSTOMER, post("/api/carts", null))).get("cartId").asString();
        await().atMost(PATIENCE).until(() -> as(CUSTOMER, post("/api/carts/" + cart + "/items",
                "{\"concertId\":\"" + concertId + "\",\"quantity\":1}")).statusCode() == 200);
        return cart;
    }

    private HttpResponse<String> as(String user, HttpRequest request) {
        return http().send(HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Authorization", DemoTokens.bearer(base(), user)).build());
    }

    private HttpResponse<String> anonymous(HttpRequest request) {
        return http().sendAsIs(request);
    }

    private HttpRequest get(String path, String... headers) {
        return http().request(path, headers).GET().build();
    }

    private HttpRequest post(String path, String json) {
        return http().request(path, "Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpRequest delete(String path) {
        return http().request(path).DELETE().build();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private Http http() {
        return new Http(port);
    }
}
