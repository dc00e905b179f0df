package com.boxoffice.app.process;

import com.boxoffice.app.testing.DemoTokens;
import com.boxoffice.app.http.Problems;
import com.boxoffice.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.boxoffice.app.http.Problems.assertProblem;
import static com.boxoffice.app.process.ShopClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The requests that made the packaged jar answer 500 (or break the catalogue), against the jar as a separate process:
 * what Tomcat and the application answer there is what clients get. Each kind is a 4xx problem+json with an
 * {@code X-Request-Id} and a plain detail (see {@link Problems}).
 */
class HostileInputIT {

    private static AppProcess app;
    private static ShopClient shop;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        app = AppProcess.start("hostile-input", AppProcess.onLocalDynamoDb(LocalDynamoDb.uniquePrefix()));
        shop = new ShopClient(app);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(DemoTokens.authorized(request.timeout(Duration.ofSeconds(30)).build()),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String concertStartingAt(String startsAt) {
        return """
                {"name":"Year Ten Thousand","venue":"Edge Hall","startsAt":%s,"capacity":10,"ticketPrice":"20.00"}"""
                .formatted(startsAt);
    }

    @Test
    void aConcertInYear10000IsRefusedAndTheCatalogueKeepsListing() {
        for (String startsAt : List.of("\"+10000-06-01T00:00:00Z\"", "\"+292278995-01-01T00:00:00Z\"", "4102444800000")) {
            Problems.assertFieldProblem(shop.post("/api/concerts", concertStartingAt(startsAt)), "startsAt",
                    "'startsAt' must be an ISO-8601 instant within the next 10 years");
        }
        String concertId = shop.scheduleConcert("Still Listed", 10, "20.00");
        await("the listing shows the new concert").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> listing = shop.get("/api/concerts");
            assertThat(listing.statusCode()).as(listing.body()).isEqualTo(200);
            assertThat(json(listing).findValuesAsString("concertId")).contains(concertId);
            assertThat(json(listing).findValuesAsString("name")).doesNotContain("Year Ten Thousand");
        });
    }

    @Test
    void aWildcardContentTypeIsUnsupported() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(app.uri("/api/carts")).header("Content-Type", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertProblem(response, 415, "'Content-Type' must name one media type, such as application/json");
    }

    @Test
    void idsOfAnotherKindOfAggregateAreUnknown() {
        String concertId = shop.scheduleConcert("Wrong Kind", 10, "20.00");
        shop.awaitConcert(concertId);
        String cartId = shop.openCart();
        shop.addItem(cartId, concertId, 1);
        String orderId = shop.checkout(cartId);
        await("order " + orderId).atMost(Duration.ofSeconds(30)).until(() -> shop.orderOrNull(orderId) != null);

        assertProblem(shop.post("/api/carts/" + orderId + "/checkout"), 404, "No cart with id " + orderId);
        assertProblem(shop.post("/api/carts/" + concertId + "/close"), 404, "No cart with id " + concertId);
        assertProblem(shop.addItemResponse(concertId, concertId, 1), 404, "No cart with id " + concertId);
        assertProblem(shop.post("/api/concerts/" + cartId + "/cancel"), 404, "No concert with id " + cartId);
    }

    @Test
    void extremeDatesInFromAndToAreRefused() {
        String rule = " must be an ISO-8601 instant such as 2026-12-01T20:00:00Z or a date such as 2026-12-01,"
                + " from 1970-01-01 to 9999-12-31";
        assertProblem(shop.get("/api/concerts?from=%2B1000000000-01-01T00:00:00Z"), 400, "'from'" + rule);
        assertProblem(shop.get("/api/concerts?from=-1000000000-01-01T00:00:00Z"), 400, "'from'" + rule);
        assertProblem(shop.get("/api/concerts?to=%2B292278995-01-01T00:00:00Z"), 400, "'to'" + rule);
    }

    @Test
    void invalidUtf8InTheQueryOrPathIsABadRequest() {
        assertProblem(shop.get("/api/concerts?name=%FF"), 400, "The query string must be percent-encoded UTF-8");
        HttpResponse<String> path = send(HttpRequest.newBuilder(app.uri("/api/concerts/%FF"))
                .header("X-Request-Id", "hostile-it-1").GET());
        assertProblem(path, 400, "The request is malformed: its path, query or headers are not valid HTTP");
        assertThat(path.headers().firstValue("X-Request-Id")).contains("hostile-it-1");
    }

    @Test
    void aCharacterTomcatRefusesInTheRequestLineIsAProblem() throws IOException {
        Problems.RawAnswer answer = Problems.rawGet(app.port(), "/api/concerts?name=a|b");
        assertThat(Problems.assertProblem(answer, 400).get("detail").asString())
                .isEqualTo("The request is malformed: its path, query or headers are not valid HTTP");
        assertThat(UUID.fromString(answer.headers().get("X-Request-Id"))).isNotNull();
    }

    @Test
    void aHugeOpenLongerThanIsRefused() {
        assertProblem(shop.get("/api/carts?status=OPEN&openLongerThan=P400000000000D"), 400,
                "'openLongerThan' must be an ISO-8601 duration from PT0S to P3650D, such as P14D or PT36H");
    }

    @Test
    void aPriceWithAnAbsurdExponentIsRefused() {
        String body = """
                {"name":"Absurd Price","venue":"Edge Hall","startsAt":"2030-01-01T20:00:00Z","capacity":10,"ticketPrice":%s}""";
        for (String price : List.of("1E+2147483647", "\"1E+2147483647\"")) {
            Problems.assertFieldProblem(shop.post("/api/concerts", body.formatted(price)), "ticketPrice",
                    "'ticketPrice' must be an amount in EUR from 0.01 to 10000.00 with at most 2 decimals, such as \"45.00\"");
        }
    }

    @Test
    void theErrorPathIsNoResource() {
        assertProblem(shop.get("/error"), 404, "No such resource");
    }
}
