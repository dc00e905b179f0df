package com.boxoffice.app.http;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cancelling a concert that has sold tickets, over HTTP against the running application: its confirmed order ends
 * CANCELLED, the refund is announced by an event, the tickets go back, and a checkout that comes later is rejected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "boxoffice.dynamodb.embedded.in-memory=true")
class ConcertCancellationHttpTest {

    private static final Duration SETTLED = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private Http http() {
        return new Http(port);
    }

    @Test
    void aCancelledConcertsConfirmedOrderIsCancelledAndRefundedAndLaterCheckoutsAreRejected() {
        String concertId = createConcert(5);
        String confirmed = checkOut(cartOf(concertId, 2));
        await().atMost(SETTLED).until(() -> status(confirmed).equals("CONFIRMED"));
        String late = cartOf(concertId, 1);
        await().atMost(SETTLED).until(() -> available(concertId) == 3);

        assertThat(http().post("/api/concerts/" + concertId + "/cancel", null).statusCode()).isEqualTo(200);

        await().atMost(SETTLED).until(() -> status(confirmed).equals("CANCELLED"));
        JsonNode order = Http.json(http().get("/api/orders/" + confirmed));
        assertThat(order.get("reason").asString()).isEqualTo("Concert " + concertId + " is cancelled");
        JsonNode cancelled = Http.json(http().get("/api/events?aggregateId=" + confirmed + "&type=OrderCancelled"));
        assertThat(cancelled).hasSize(1);
        assertThat(cancelled.get(0).get("payload").get("refund").decimalValue()).isEqualByComparingTo("60.00");
        await().atMost(SETTLED).untilAsserted(() -> assertThat(Http.json(http().get(
                "/api/events?aggregateId=" + concertId + "/" + confirmed + "&type=ReservationReleased"))).hasSize(1));

        String rejected = checkOut(late);
        await().atMost(SETTLED).until(() -> status(rejected).equals("REJECTED"));
        assertThat(Http.json(http().get("/api/orders/" + rejected)).get("reason").asString())
                .isEqualTo("Concert " + concertId + " is cancelled");
    }

    private String createConcert(int capacity) {
        HttpResponse<String> created = http().post("/api/concerts", """
                {"name":"Cancelled %s","venue":"Rain Hall","startsAt":"2031-05-01T20:00:00Z","capacity":%d,"ticketPrice":"30.00"}
                """.formatted(UUID.randomUUID(), capacity));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String concertId = Http.json(created).get("concertId").asString();
        await().atMost(SETTLED).until(() -> http().get("/api/concerts/" + concertId).statusCode() == 200);
        return concertId;
    }

    private String cartOf(String concertId, int quantity) {
        String cartId = Http.json(http().post("/api/carts", null)).get("cartId").asString();
        // The cart's view follows its events by a moment.
        await().atMost(SETTLED).until(() -> http().post("/api/carts/" + cartId + "/items",
                "{\"concertId\":\"" + concertId + "\",\"quantity\":" + quantity + "}").statusCode() == 200);
        return cartId;
    }

    private String checkOut(String cartId) {
        HttpResponse<String> checkout = http().post("/api/carts/" + cartId + "/checkout", null);
        assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(202);
        return Http.json(checkout).get("orderId").asString();
    }

    private String status(String orderId) {
        HttpResponse<String> order = http().get("/api/orders/" + orderId);
        return order.statusCode() == 200 ? Http.json(order).get("status").asString() : "unknown";
    }

    private int available(String concertId) {
        return Http.json(http().get("/api/concerts/" + concertId)).get("available").asInt();
    }
}
