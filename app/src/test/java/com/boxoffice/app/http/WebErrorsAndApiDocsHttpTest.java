package com.boxoffice.app.http;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static com.boxoffice.app.http.RequestTracingHttpTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error paths every endpoint shares (malformed JSON, oversized bodies, unknown paths and methods) answer RFC 9457
 * problem+json; the OpenAPI document and Swagger UI are served. Over HTTP against the running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"boxoffice.dynamodb.embedded.in-memory=true", "boxoffice.web.max-request-body=4KB"})
class WebErrorsAndApiDocsHttpTest {

    @LocalServerPort
    int port;

    private Http http() {
        return new Http(port);
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(http().post("/api/concerts", "{\"name\": \"Unclosed"), 400, "Malformed JSON");
        assertProblem(http().post("/api/carts/" + java.util.UUID.randomUUID() + "/items", "[1,2"), 400, "JSON");
        assertProblem(http().post("/api/concerts", """
                {"name":"n","venue":"v","startsAt":"not a time","capacity":10,"ticketPrice":"10.00"}"""), 400, "startsAt");
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        String big = "{\"name\":\"" + "x".repeat(5000) + "\"}";
        HttpResponse<String> response = http().post("/api/concerts", big);
        assertProblem(response, 413, "at most 4096");
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutOffWhileRead() {
        byte[] big = ("{\"name\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
        // A stream publisher has no length: the body goes chunked, with no Content-Length to check up front.
        HttpRequest request = http().request("/api/concerts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        assertProblem(http().send(request), 413, "larger than 4096");
    }

    @Test
    void aBodyUnderTheLimitIsServed() {
        assertThat(http().post("/api/concerts", """
                {"name":"Under the limit","venue":"v","startsAt":"2031-01-01T20:00:00Z","capacity":10,"ticketPrice":"10.00"}""")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        assertProblem(http().get("/api/no-such-thing"), 404, "No static resource");
        HttpResponse<String> notAllowed = http().send(http().request("/api/carts").DELETE().build());
        assertThat(notAllowed.statusCode()).isEqualTo(405);
        assertThat(notAllowed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        HttpResponse<String> unsupported = http().send(http().request("/api/concerts").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build());
        assertThat(unsupported.statusCode()).isEqualTo(415);
        assertThat(unsupported.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void servesTheOpenApiDocumentAndSwaggerUi() {
        HttpResponse<String> docs = http().get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode api = Http.json(docs);
        assertThat(api.get("info").get("title").asString()).isEqualTo("Boxoffice");
        assertThat(api.get("components").get("securitySchemes").has("adminToken")).isTrue();
        JsonNode paths = api.get("paths");
        assertThat(paths.has("/api/concerts")).isTrue();
        assertThat(paths.has("/api/carts/{cartId}/checkout")).isTrue();
        assertThat(paths.has("/api/orders/{orderId}")).isTrue();
        assertThat(paths.has("/api/events")).isTrue();
        assertThat(paths.has("/api/requests/{requestId}/events")).isTrue();
        assertThat(paths.has("/api/admin/processors")).isTrue();

        HttpResponse<String> ui = http().get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }
}
