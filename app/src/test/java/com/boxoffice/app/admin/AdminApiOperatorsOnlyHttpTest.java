package com.boxoffice.app.admin;

import com.boxoffice.app.testing.DemoTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's default: no static admin token configured, so the admin endpoints open to operators' tokens
 * only; an empty or made-up bearer token is no admin token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "boxoffice.dynamodb.embedded.in-memory=true",
        "boxoffice.kinesis.enabled=false"})
class AdminApiOperatorsOnlyHttpTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void withoutAStaticTokenOnlyAnOperatorsTokenOpensTheAdminApi() throws Exception {
        assertThat(send(processors(null)).statusCode()).isEqualTo(401);
        for (String madeUp : new String[]{"Bearer ", "Bearer x", "Bearer " + "0".repeat(40)}) {
            HttpResponse<String> response = send(processors(madeUp));
            assertThat(response.statusCode()).as(madeUp).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
        for (String user : new String[]{DemoTokens.CUSTOMER, DemoTokens.STAFF}) {
            HttpResponse<String> response = send(processors(DemoTokens.bearer(base(), user)));
            assertThat(response.statusCode()).as(user).isEqualTo(403);
            JsonNode problem = JsonMapper.builder().build().readTree(response.body());
            assertThat(problem.get("title").asString()).isEqualTo("Forbidden");
            assertThat(problem.get("detail").asString()).contains("do not allow GET /api/admin/processors");
        }
        assertThat(send(processors(DemoTokens.bearer(base(), DemoTokens.OPERATOR))).statusCode()).isEqualTo(200);
    }

    private HttpRequest processors(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/admin/processors")).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
