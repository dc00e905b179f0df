package com.boxoffice.app;

import com.boxoffice.app.testing.DemoTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator on a management port of its own, as in production: Prometheus scrapes it there without a token (the
 * port is for the network inside); every other endpoint keeps its rules, health details are for operators.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "boxoffice.dynamodb.embedded.in-memory=true", "boxoffice.kinesis.enabled=false", "management.server.port=0"})
class ManagementPortHttpTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void prometheusIsScrapedOnTheManagementPortWithoutAToken() throws Exception {
        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus", null);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void theOtherEndpointsKeepTheirRulesThere() throws Exception {
        assertThat(get(managementPort, "/actuator/metrics", null).statusCode()).isEqualTo(401);
        String customer = DemoTokens.bearer("http://localhost:" + port, DemoTokens.CUSTOMER);
        assertThat(get(managementPort, "/actuator/metrics", customer).statusCode()).isEqualTo(403);
        String operator = DemoTokens.bearer("http://localhost:" + port, DemoTokens.OPERATOR);
        assertThat(get(managementPort, "/actuator/metrics", operator).statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health", null).body()).contains("\"UP\"").doesNotContain("components");
        assertThat(get(managementPort, "/actuator/health", operator).body()).contains("components");
    }

    private HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
