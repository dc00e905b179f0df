package com.boxoffice.app.process;

import com.boxoffice.app.http.Problems;
import com.boxoffice.app.testing.DemoTokens;
import com.boxoffice.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar picks its issuer: without one configured it runs the development issuer and says so in its log;
 * with one configured (here as the environment variable a deployment sets) the development issuer is off and its demo
 * users get no token; a token that cannot be checked because the issuer's keys are out of reach is 503, not a 500.
 */
class IssuerChoiceIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void withoutAnIssuerTheJarRunsTheDevelopmentIssuerLoudly() throws Exception {
        try (AppProcess app = AppProcess.start("dev-issuer", AppProcess.onLocalDynamoDb(LocalDynamoDb.uniquePrefix()))) {
            assertThat(app.output()).contains("DEVELOPMENT ISSUER ON");
            HttpResponse<String> token = tokenRequest(app);
            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(token.body()).contains("access_token");
        }
    }

    @Test
    void withAnIssuerConfiguredTheDevelopmentIssuerIsOff() throws Exception {
        AppProcess other = AppProcess.start("token-source", AppProcess.onLocalDynamoDb(LocalDynamoDb.uniquePrefix()));
        String foreignToken;
        try (other) {
            foreignToken = DemoTokens.token("http://127.0.0.1:" + other.port(), DemoTokens.STAFF);
        }
        try (AppProcess app = AppProcess.start("configured-issuer", AppProcess.onLocalDynamoDb(LocalDynamoDb.uniquePrefix()),
                null, environment -> {
                    environment.put("BOXOFFICE_SECURITY_ISSUERURI", "https://issuer.example/boxoffice");
                    // Out of reach: a token cannot be checked, which is the issuer's outage, not the caller's fault.
                    environment.put("BOXOFFICE_SECURITY_JWKSETURI", "http://127.0.0.1:9/jwks.json");
                })) {
            assertThat(app.output()).doesNotContain("DEVELOPMENT ISSUER");
            assertThat(tokenRequest(app).statusCode()).isEqualTo(401);
            HttpResponse<String> withForeignToken = http.send(HttpRequest.newBuilder(app.uri("/api/carts"))
                    .header("Authorization", "Bearer " + foreignToken)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            Problems.assertProblem(withForeignToken, 503, "The token could not be checked now: the issuer's signing"
                    + " keys could not be fetched; try again");
            assertThat(withForeignToken.headers().firstValue("Retry-After")).hasValue("1");
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(app.uri("/api/carts"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(http.send(HttpRequest.newBuilder(app.uri("/api/concerts")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> tokenRequest(AppProcess app) throws Exception {
        String basic = Base64.getEncoder().encodeToString("alice:alice-secret".getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(app.uri("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
