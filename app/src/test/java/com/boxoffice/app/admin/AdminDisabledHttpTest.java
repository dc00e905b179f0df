package com.boxoffice.app.admin;

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

/** The application's default: no admin token configured, so the admin endpoints are closed, even to a bearer token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "boxoffice.dynamodb.embedded.in-memory=true",
        "boxoffice.kinesis.enabled=false"})
class AdminDisabledHttpTest {

    @LocalServerPort
    int port;

    @Test
    void adminEndpointsAnswer403SayingHowToEnableThem() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (HttpRequest request : new HttpRequest[]{
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/processors")).GET().build(),
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/processors/ticketing-catalogue/reset"))
                        .header("Authorization", "Bearer ").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"TAIL\"}")).build()}) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = JsonMapper.builder().build().readTree(response.body());
            assertThat(problem.get("detail").asString()).contains("boxoffice.admin.token", "BOXOFFICE_ADMIN_TOKEN");
        }
    }
}
