package com.boxoffice.app.http;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;

import static com.boxoffice.app.http.Problems.assertFieldProblem;
import static com.boxoffice.app.http.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Malformed, hostile and extreme requests against the running application, one test per kind: each is answered with
 * an exact 4xx status and a problem+json whose detail speaks the API's language (see {@link Problems}), and none with
 * a 500. Over HTTP, through the servlet container, so that what Tomcat itself refuses is covered too. The all-events
 * stream plays no part in any of it: Kinesis is off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"boxoffice.dynamodb.embedded.in-memory=true", "boxoffice.kinesis.enabled=false"})
class HostileInputHttpTest {

    static final String STARTS_AT = "'startsAt' must be an ISO-8601 instant within the next 10 years";
    static final String CAPACITY = "'capacity' must be a whole number between 1 and 100000";
    static final String PRICE = "'ticketPrice' must be an amount in EUR from 0.01 to 10000.00 with at most 2 decimals,"
            + " such as \"45.00\"";
    static final String NAME = "'name' must be a text of 1 to 200 characters, not blank, without control characters";
    static final String QUANTITY = "'quantity' must be a whole number between 1 and 20";
    static final String CONCERT_ID = "'concertId' must be a concert's id, a UUID";
    static final String RANGE = " must be an ISO-8601 instant such as 2026-12-01T20:00:00Z or a date such as 2026-12-01,"
            + " from 1970-01-01 to 9999-12-31";
    static final String AGE = "'openLongerThan' must be an ISO-8601 duration from PT0S to P3650D, such as P14D or PT36H";
    static final String QUERY = "The query string must be percent-encoded UTF-8";
    static final String CONTENT_TYPE = "'Content-Type' must name one media type, such as application/json";
    static final String MALFORMED = "The request is malformed: its path, query or headers are not valid HTTP";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    JsonMapper applicationJsonMapper;

    @Autowired
    RequestMappingHandlerAdapter handlerAdapter;

    /** The items of a cart nobody has: the body is judged before the cart is looked for. */
    private static String anyCartsItems() {
        return "/api/carts/" + UUID.randomUUID() + "/items";
    }

    private static String anItem() {
        return "{\"concertId\":\"" + UUID.randomUUID() + "\",\"quantity\":1}";
    }

    private Http http() {
        return new Http(port);
    }

    /** A valid concert body with one field's JSON value replaced. */
    private static String concert(String field, String json) {
        String startsAt = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String body = """
                {"name":"Hostile Night","venue":"Edge Hall","startsAt":"%s","capacity":100,"ticketPrice":"45.00"}"""
                .formatted(startsAt);
        return body.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[0-9]+)",
                Matcher.quoteReplacement("\"" + field + "\":" + json));
    }

    @Test
    void aConcertStartingInYear10000OrBeyondTenYearsIsRefusedAndTheListingKeepsWorking() {
        String inElevenYears = Instant.now().atOffset(ZoneOffset.UTC).plusYears(11).toInstant()
                .truncatedTo(ChronoUnit.SECONDS).toString();
        for (String startsAt : List.of("\"+10000-06-01T00:00:00Z\"", "\"+292278995-01-01T00:00:00Z\"", "4102444800000",
                "\"" + inElevenYears + "\"", "\"2020-01-01T00:00:00Z\"", "\"10000-06-01T00:00:00Z\"",
                "\"2027-06-01T00:00:00\"", "\"2027-02-30T00:00:00Z\"", "\"next friday\"", "true")) {
            String body = concert("startsAt", startsAt).replace("Hostile Night", "Year Ten Thousand");
            assertFieldProblem(http().post("/api/concerts", body), "startsAt", STARTS_AT);
        }

        HttpResponse<String> listing = http().get("/api/concerts");
        assertThat(listing.statusCode()).as(listing.body()).isEqualTo(200);
        HttpResponse<String> created = http().post("/api/concerts", concert("name", "\"After The Hostile\""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String concertId = Http.json(created).get("concertId").asString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> after = http().get("/api/concerts?name=After%20The%20Hostile");
            assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
            assertThat(ids(Http.json(after))).containsExactly(concertId);
        });
        HttpResponse<String> everything = http().get("/api/concerts?from=1970-01-01&to=9999-12-31");
        assertThat(everything.statusCode()).as(everything.body()).isEqualTo(200);
        assertThat(Http.json(everything).findValuesAsString("name")).contains("After The Hostile")
                .doesNotContain("Year Ten Thousand");
        HttpResponse<String> scheduled = http().get("/api/events?type=ConcertScheduled&limit=1000");
        assertThat(scheduled.statusCode()).isEqualTo(200);
        assertThat(Http.json(scheduled).findValuesAsString("name")).as("nothing refused was stored")
                .contains("After The Hostile").doesNotContain("Year Ten Thousand");
    }

    @Test
    void aWildcardOrUnparseableContentTypeIsUnsupported() {
        for (String type : List.of("*/*", "application/*", "*", ";", "")) {
            HttpResponse<String> response = http().send(http().request(anyCartsItems()).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(anItem())).build());
            assertProblem(response, 415, CONTENT_TYPE);
        }
        HttpResponse<String> multipart = http().send(http().request(anyCartsItems())
                .header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString(anItem())).build());
        assertProblem(multipart, 415);
    }

    @Test
    void idsOfAnotherKindOfAggregateAreUnknownResources() {
        String concertId = Http.json(http().post("/api/concerts", concert("name", "\"Wrong Kind\""))).get("concertId").asString();
        String cartId = Http.json(http().post("/api/carts", null)).get("cartId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/concerts/" + concertId).statusCode() == 200);
        HttpResponse<String> added = http().post("/api/carts/" + cartId + "/items",
                "{\"concertId\":\"" + concertId + "\",\"quantity\":1}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        String orderId = Http.json(http().post("/api/carts/" + cartId + "/checkout", null)).get("orderId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/orders/" + orderId).statusCode() == 200);

        assertProblem(http().post("/api/carts/" + orderId + "/checkout", null), 404, "No cart with id " + orderId);
        assertProblem(http().post("/api/carts/" + concertId + "/close", null), 404, "No cart with id " + concertId);
        assertProblem(http().post("/api/carts/" + concertId + "/items", "{\"concertId\":\"" + concertId + "\",\"quantity\":1}"),
                404, "No cart with id " + concertId);
        assertProblem(http().send(http().request("/api/carts/" + concertId + "/items/" + concertId).DELETE().build()),
                404, "No cart with id " + concertId);
        assertProblem(http().post("/api/concerts/" + cartId + "/cancel", null), 404, "No concert with id " + cartId);
        assertProblem(http().post("/api/concerts/" + orderId + "/cancel", null), 404, "No concert with id " + orderId);
        assertProblem(http().get("/api/orders/" + cartId), 404, "No order with id " + cartId);
        assertProblem(http().get("/api/carts/1-1-1-1-1"), 404, "No cart with that id: cart ids are UUIDs");
        // The real ones still answer.
        assertThat(http().get("/api/concerts/" + concertId).statusCode()).isEqualTo(200);
    }

    @Test
    void extremeDatesInFromAndToAreRefused() {
        for (String from : List.of("%2B1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "%2B10000-01-01T00:00:00Z",
                "99999-01-01", "1969-12-31", "2026-02-30", "2026-12-01T20:00:00", "yesterday")) {
            assertFieldProblem(http().get("/api/concerts?from=" + from), "from", "'from'" + RANGE);
        }
        assertFieldProblem(http().get("/api/concerts?to=%2B292278995-01-01T00:00:00Z"), "to", "'to'" + RANGE);
        assertFieldProblem(http().get("/api/concerts?from=2027-01-02&to=2027-01-01"), "to", "'to' must not be before 'from'");
        assertThat(http().get("/api/concerts?from=1970-01-01&to=9999-12-31T23:59:59.999999999Z").statusCode()).isEqualTo(200);
    }

    @Test
    void invalidUtf8InAQueryParameterIsABadRequest() {
        for (String path : List.of("/api/concerts?name=%FF", "/api/concerts?venue=%C3%28", "/api/concerts?name=%E2%82",
                "/api/events?type=%FF", "/api/carts?status=OPEN&openLongerThan=P1D&limit=%C0%AF")) {
            assertProblem(http().get(path), 400, QUERY);
        }
        HttpResponse<String> utf8 = http().get("/api/concerts?name=%C3%A9t%C3%A9");
        assertThat(utf8.statusCode()).as(utf8.body()).isEqualTo(200);
    }

    @Test
    void aHugeOrNegativeOpenLongerThanIsRefused() {
        for (String age : List.of("P400000000000D", "PT99999999999999999999H", "P3651D", "-P1D", "PT-1H", "P1W", "two+weeks", "")) {
            assertFieldProblem(http().get("/api/carts?status=OPEN&openLongerThan=" + age), "openLongerThan", AGE);
        }
        assertFieldProblem(http().get("/api/carts?status=OPEN&openLongerThan=P1D&limit=99999999999"), "limit",
                "'limit' must be a whole number from 1 to 1000");
        assertThat(http().get("/api/carts?status=OPEN&openLongerThan=P3650D").statusCode()).isEqualTo(200);
    }

    @Test
    void aPriceOfAbsurdMagnitudeOrPrecisionIsRefused() {
        for (String price : List.of("1E+2147483647", "\"1E+2147483647\"", "-1E-2147483647", "1e2", "45.123", "\"45.123\"",
                "0", "\"0.00\"", "-1", "10000.01", "\"NaN\"", "true", "\"\"", "[]", "9".repeat(500))) {
            assertFieldProblem(http().post("/api/concerts", concert("ticketPrice", price)), "ticketPrice", PRICE);
        }
        assertThat(http().post("/api/concerts", concert("ticketPrice", "10000.00")).statusCode()).isEqualTo(201);
        assertThat(http().post("/api/concerts", concert("ticketPrice", "0.01")).statusCode()).isEqualTo(201);
    }

    @Test
    void theErrorPathIsNoResource() {
        assertProblem(http().get("/error"), 404, "No such resource");
        assertProblem(http().post("/error", "{}"), 404, "No such resource");
    }

    @Test
    void parserTextNeverReachesADetail() {
        assertProblem(http().post("/api/concerts", "{\"name\":"), 400,
                "Malformed JSON: the request body is not valid JSON (at line 1, column 9)");
        assertProblem(http().post("/api/concerts", "[1]"), 400,
                "The request body must be a JSON object with the fields of this endpoint");
        assertProblem(http().post("/api/concerts", "\"concert\""), 400,
                "The request body must be a JSON object with the fields of this endpoint");
        assertProblem(http().post("/api/concerts", "{} {}"), 400);
        assertProblem(http().post(anyCartsItems(), "{\"concertId\":\"" + UUID.randomUUID() + "\",\"quantity\":1,}"), 400);
        assertProblem(http().post(anyCartsItems(), "[".repeat(2000)), 400);
        assertFieldProblem(http().post("/api/carts/" + UUID.randomUUID() + "/items", "{\"concertId\":\"nope\",\"quantity\":1}"),
                "concertId", CONCERT_ID);
        assertFieldProblem(http().post("/api/carts/" + UUID.randomUUID() + "/items", "{\"concertId\":42,\"quantity\":1}"),
                "concertId", CONCERT_ID);
        assertFieldProblem(http().post("/api/concerts", concert("capacity", "{}")), "capacity", CAPACITY);
        assertProblem(http().get("/api/events?type=ConcertScheduled&limit=many"), 400, "'limit' must be a whole number");
        assertProblem(http().post(anyCartsItems(), null), 400, "The request body is missing");
    }

    @Test
    void valuesAreTakenAsTheirJsonTypesWithoutCoercion() {
        String item = "/api/carts/" + UUID.randomUUID() + "/items";
        for (String quantity : List.of("1.5", "\"2\"", "true", "2.0", "0", "21")) {
            assertFieldProblem(http().post(item, "{\"concertId\":\"" + UUID.randomUUID() + "\",\"quantity\":" + quantity + "}"),
                    "quantity", QUANTITY);
        }
        for (String capacity : List.of("1.5", "\"10\"", "true", "100001")) {
            assertFieldProblem(http().post("/api/concerts", concert("capacity", capacity)), "capacity", CAPACITY);
        }
        for (String name : List.of("true", "10", "1.5", "\" \"", "\"" + "x".repeat(201) + "\"", "\"tab\\tin name\"")) {
            assertFieldProblem(http().post("/api/concerts", concert("name", name)), "name", NAME);
        }
    }

    @Test
    void requestsTheServerRefusesItselfAreProblemsWithTheRequestId() throws Exception {
        for (String path : List.of("/api/concerts/%FF", "/api/concerts/%00", "/api/concerts/a%2Fb", "/api/carts/%C0%AF")) {
            HttpResponse<String> response = http().get(path, "X-Request-Id", "hostile-path-1");
            assertProblem(response, 400, MALFORMED);
            assertThat(response.headers().firstValue("X-Request-Id")).contains("hostile-path-1");
        }
        HttpResponse<String> invalidId = http().get("/api/concerts/%FF", "X-Request-Id", "not valid");
        assertProblem(invalidId, 400, MALFORMED);
        assertThat(UUID.fromString(invalidId.headers().firstValue("X-Request-Id").orElseThrow()))
                .as("a new id in place of an invalid one").isNotNull();
        // Refused in the request line, before Tomcat read any header: the id is a new one.
        for (String target : List.of("/api/concerts?name=a|b", "/api/concerts?name=<x>", "/api/concerts?name=a{b}")) {
            Problems.RawAnswer answer = Problems.rawGet(port, target, "X-Request-Id: hostile-raw-1");
            assertThat(Problems.assertProblem(answer, 400).get("detail").asString()).as(target).isEqualTo(MALFORMED);
            assertThat(UUID.fromString(answer.headers().get("X-Request-Id"))).isNotNull();
        }
        // A broken escape passes Tomcat and is refused by the application, with the caller's id.
        Problems.RawAnswer escape = Problems.rawGet(port, "/api/concerts?name=%G0", "X-Request-Id: hostile-raw-2");
        assertThat(Problems.assertProblem(escape, 400).get("detail").asString()).isEqualTo(QUERY);
        assertThat(escape.headers().get("X-Request-Id")).isEqualTo("hostile-raw-2");
    }

    @Test
    void aMalformedAcceptHeaderIsABadRequest() {
        assertProblem(http().get("/api/concerts", "Accept", "foo"), 400,
                "'Accept' must be a list of media types, such as application/json");
        assertThat(http().get("/api/concerts", "Accept", "application/json").statusCode()).isEqualTo(200);
    }

    /** Only the HTTP converter reads strictly: the application's mapper and Axon's serializer read as before. */
    @Test
    void theStrictReadingIsTheHttpConvertersOnly() {
        List<JacksonJsonHttpMessageConverter> json = handlerAdapter.getMessageConverters().stream()
                .filter(JacksonJsonHttpMessageConverter.class::isInstance).map(JacksonJsonHttpMessageConverter.class::cast)
                .toList();
        assertThat(json).as("Spring MVC's JSON converters").hasSize(1);
        JacksonJsonHttpMessageConverter httpConverter = json.get(0);
        assertThat(eventSerializer).isInstanceOf(Jackson3Serializer.class);
        assertThat(((Jackson3Serializer) eventSerializer).getObjectMapper().readValue("\"10\"", Integer.class)).isEqualTo(10);
        assertThat(((Jackson3Serializer) eventSerializer).getObjectMapper().readValue("1.5", Integer.class)).isEqualTo(1);
        assertThat(applicationJsonMapper.readValue("\"10\"", Integer.class)).isEqualTo(10);
        assertThat(httpConverter.getMapper()).isNotSameAs(applicationJsonMapper);
        assertThatThrownBy(() -> httpConverter.getMapper().readValue("\"10\"", Integer.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> httpConverter.getMapper().readValue("1.5", Integer.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> httpConverter.getMapper().readValue("true", String.class))
                .isInstanceOf(JacksonException.class);
    }

    private static List<String> ids(JsonNode concerts) {
        List<String> ids = new ArrayList<>();
        concerts.forEach(concert -> ids.add(concert.get("concertId").asString()));
        return ids;
    }
}
