package com.boxoffice.app.http;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Request tracing and event browsing over HTTP against the running application (embedded DynamoDB Local, the Kinesis
 * emulator): the X-Request-Id rules, a checkout's whole chain under the checkout's request id, and the browsing queries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "boxoffice.dynamodb.embedded.in-memory=true")
class RequestTracingHttpTest {

    private static final String REQUEST_ID = "X-Request-Id";

    @LocalServerPort
    int port;

    @Autowired
    EventStorageEngine storageEngine;

    private Http http() {
        return new Http(port);
    }

    @Test
    void echoesTheCallersRequestIdAndMakesOneWhenThereIsNone() {
        HttpResponse<String> given = http().get("/api/concerts", REQUEST_ID, "caller-id-1");
        assertThat(given.statusCode()).isEqualTo(200);
        assertThat(given.headers().firstValue(REQUEST_ID)).contains("caller-id-1");

        HttpResponse<String> made = http().get("/api/concerts");
        assertThat(made.headers().firstValue(REQUEST_ID)).hasValueSatisfying(id -> assertThat(UUID.fromString(id)).isNotNull());

        HttpResponse<String> unknown = http().get("/api/concerts/" + UUID.randomUUID(), REQUEST_ID, "caller-id-2");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue(REQUEST_ID)).contains("caller-id-2");
    }

    @Test
    void refusesAnInvalidRequestIdWithAProblem() {
        HttpResponse<String> response = http().get("/api/concerts", REQUEST_ID, "no spaces\tor tabs");
        assertProblem(response, 400, "X-Request-Id");
        assertThat(response.headers().firstValue(REQUEST_ID)).hasValueSatisfying(id -> assertThat(UUID.fromString(id)).isNotNull());

        assertProblem(http().get("/api/concerts", REQUEST_ID, "x".repeat(129)), 400, "X-Request-Id");
    }

    @Test
    void aCheckoutsWholeChainIsListedUnderItsRequestIdInOrder() {
        String concertId = createConcert("Trace Night", 10, "trace-concert-" + UUID.randomUUID());
        String cartId = json(http().post("/api/carts", null)).get("cartId").asString();
        assertThat(http().post("/api/carts/" + cartId + "/items", "{\"concertId\":\"" + concertId + "\",\"quantity\":2}")
                .statusCode()).isEqualTo(200);

        String checkoutRequest = "checkout-" + UUID.randomUUID();
        HttpResponse<String> checkout = http().post("/api/carts/" + cartId + "/checkout", null, REQUEST_ID, checkoutRequest);
        assertThat(checkout.statusCode()).isEqualTo(202);
        assertThat(checkout.headers().firstValue(REQUEST_ID)).contains(checkoutRequest);
        String orderId = json(checkout).get("orderId").asString();

        List<String> expected = List.of("CartCheckedOut", "OrderPlaced", "TicketsReserved", "OrderLineReserved",
                "OrderReserved", "ReservationConfirmed", "OrderConfirmed");
        JsonNode[] chain = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            chain[0] = json(http().get("/api/requests/" + checkoutRequest + "/events"));
            assertThat(types(chain[0])).containsAll(expected);
        });
        List<String> types = types(chain[0]);
        assertThat(types).as("every event of the chain once, causes before effects")
                .containsSubsequence("CartCheckedOut", "OrderPlaced", "TicketsReserved", "OrderLineReserved",
                        "OrderReserved", "ReservationConfirmed", "OrderConfirmed")
                .doesNotContain("CartOpened", "CartItemAdded", "ConcertScheduled");
        assertThat(types).doesNotHaveDuplicates();
        JsonNode placed = find(chain[0], "OrderPlaced");
        assertThat(placed.get("aggregateType").asString()).isEqualTo("Order");
        assertThat(placed.get("aggregateId").asString()).isEqualTo(orderId);
        assertThat(placed.get("sequence").asLong()).isZero();
        assertThat(placed.get("eventId").asString()).isNotBlank();
        assertThat(placed.get("timestamp").asString()).endsWith("Z");
        assertThat(placed.get("payload").get("cartId").asString()).isEqualTo(cartId);
        JsonNode reserved = find(chain[0], "TicketsReserved");
        assertThat(reserved.get("aggregateType").asString()).isEqualTo("TicketHold");
        assertThat(reserved.get("aggregateId").asString()).isEqualTo(concertId + "/" + orderId);

        // In the store, every event of the chain carries the request id with Axon's trace and correlation ids.
        DomainEventMessage<?> confirmed = storageEngine.readEvents(orderId).asStream()
                .filter(event -> event.getPayloadType().getSimpleName().equals("OrderConfirmed")).findFirst().orElseThrow();
        assertThat(confirmed.getMetaData()).containsEntry("requestId", checkoutRequest)
                .containsKeys("traceId", "correlationId");
        // The order's reservation is its own aggregate; the concert's count of a batch is the batch's, not one request's.
        assertThat(storageEngine.readEvents(concertId + "/" + orderId).asStream().toList()).hasSize(2)
                .allSatisfy(event -> assertThat(event.getMetaData()).containsEntry("requestId", checkoutRequest));
        assertThat(storageEngine.readEvents(concertId).asStream().findFirst().orElseThrow().getMetaData().get("requestId"))
                .as("the concert was created by another request").isNotEqualTo(checkoutRequest);
    }

    @Test
    void aRequestThatCausedNothingHasAnEmptyChain() {
        JsonNode none = json(http().get("/api/requests/nothing-" + UUID.randomUUID() + "/events"));
        assertThat(none.isArray()).isTrue();
        assertThat(none).isEmpty();
        assertProblem(http().get("/api/requests/bad%20id/events"), 400, "request id");
    }

    @Test
    void browsesAnAggregatesEventsNewestLast() {
        String concertId = createConcert("Browse Night", 10, "browse-" + UUID.randomUUID());
        assertThat(http().post("/api/concerts/" + concertId + "/cancel", null).statusCode()).isEqualTo(200);

        JsonNode all = json(http().get("/api/events?aggregateId=" + concertId));
        assertThat(types(all)).containsExactly("ConcertScheduled", "ConcertCancelled");
        assertThat(all.get(0).get("sequence").asLong()).isZero();
        assertThat(all.get(1).get("sequence").asLong()).isEqualTo(1);
        assertThat(all.get(0).get("payload").get("name").asString()).isEqualTo("Browse Night");

        assertThat(types(json(http().get("/api/events?aggregateId=" + concertId + "&limit=1"))))
                .containsExactly("ConcertCancelled");
        assertThat(types(json(http().get("/api/events?aggregateId=" + concertId + "&type=ConcertScheduled"))))
                .containsExactly("ConcertScheduled");
        assertThat(json(http().get("/api/events?aggregateId=" + UUID.randomUUID()))).isEmpty();
    }

    @Test
    void browsesTheNewestEventsOfAType() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(createConcert("Typed " + i, 5, "typed-" + UUID.randomUUID()));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode newest = json(http().get("/api/events?type=ConcertScheduled&limit=3"));
            List<String> ids = new ArrayList<>();
            newest.forEach(event -> ids.add(event.get("aggregateId").asString()));
            assertThat(ids).containsExactlyElementsOf(created);
        });
        JsonNode two = json(http().get("/api/events?type=ConcertScheduled&limit=2"));
        assertThat(two).hasSize(2);
        assertThat(two.get(1).get("aggregateId").asString()).isEqualTo(created.get(2));
    }

    @Test
    void refusesBrowsingQueriesItCannotAnswer() {
        assertProblem(http().get("/api/events"), 400, "aggregateId or type");
        assertProblem(http().get("/api/events?type=ConcertScheduled&limit=0"), 400, "limit");
        assertProblem(http().get("/api/events?type=ConcertScheduled&limit=1001"), 400, "limit");
        assertProblem(http().get("/api/events?type=Not%23A%23Type"), 400, "type");
        assertProblem(http().get("/api/events?type=ConcertScheduled&limit=many"), 400, "limit");
    }

    private String createConcert(String name, int capacity, String requestId) {
        HttpResponse<String> created = http().post("/api/concerts", """
                {"name":"%s","venue":"Trace Hall","startsAt":"2031-05-01T20:00:00Z","capacity":%d,"ticketPrice":"30.00"}
                """.formatted(name, capacity), REQUEST_ID, requestId);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String concertId = json(created).get("concertId").asString();
        // Carts price items from the catalogue, which lags the command by a moment.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http().get("/api/concerts/" + concertId).statusCode() == 200);
        return concertId;
    }

    static void assertProblem(HttpResponse<String> response, int status, String detailMentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).containsIgnoringCase(detailMentions);
        assertThat(response.headers().firstValue(REQUEST_ID)).isPresent();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Http.json(response);
    }

    private static List<String> types(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.get("type").asString()));
        return types;
    }

    private static JsonNode find(JsonNode events, String type) {
        for (JsonNode event : events) {
            if (event.get("type").asString().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("No " + type + " in " + events);
    }
}
