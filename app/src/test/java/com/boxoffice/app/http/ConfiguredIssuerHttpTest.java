package com.boxoffice.app.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application with an issuer configured, as on AWS with Cognito (its groups in {@code cognito:groups}): the test
 * is the issuer, with a key of its own and its JWK set served over HTTP. Only well-signed, unexpired tokens of that
 * issuer for this audience are accepted, and the development issuer is off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"boxoffice.dynamodb.embedded.in-memory=true", "boxoffice.kinesis.enabled=false",
                "boxoffice.security.issuer-uri=" + ConfiguredIssuerHttpTest.ISSUER,
                "boxoffice.security.roles-claim=cognito:groups"})
class ConfiguredIssuerHttpTest {

    static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool";
    private static final RSAKey KEY = rsaKey("test-issuer-key");
    /** Another key under the same key id: what a forger would sign with. */
    private static final RSAKey FORGER = rsaKey("test-issuer-key");
    private static final HttpServer JWKS = jwksServer();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void jwkSet(DynamicPropertyRegistry properties) {
        properties.add("boxoffice.security.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks.json");
    }

    @AfterAll
    static void stopIssuer() {
        JWKS.stop(0);
    }

    @Test
    void theIssuersTokensAreAcceptedWithRolesFromTheConfiguredClaim() {
        HttpResponse<String> opened = call(post("/api/carts"), signed(KEY, claims -> { }));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        HttpResponse<String> scheduling = call(post("/api/concerts"), signed(KEY, claims -> { }));
        assertThat(scheduling.statusCode()).as("a customer schedules nothing").isEqualTo(403);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant past = Instant.now().minusSeconds(3600);
        assertRefused(signed(KEY, claims -> claims.issueTime(Date.from(past.minusSeconds(600))).expirationTime(Date.from(past))),
                "expired");
    }

    @Test
    void anotherIssuersTokenIsRefused() {
        assertRefused(signed(KEY, claims -> claims.issuer("https://somewhere.else.example")), "iss");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertRefused(signed(KEY, claims -> claims.audience("another-app")), "aud");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        assertRefused(signed(FORGER, claims -> { }), "signature");
    }

    @Test
    void aTokenWithoutAShopRoleMayBrowseButNotBuy() {
        String noRole = signed(KEY, claims -> claims.claim("cognito:groups", List.of("newsletter")));
        HttpResponse<String> opened = call(post("/api/carts"), noRole);
        JsonNode problem = Problems.assertProblem(opened, 403);
        assertThat(problem.get("detail").asString()).contains("none of customer, staff, operator");
        assertThat(call(new Http(port).request("/api/concerts").GET(), noRole).statusCode()).isEqualTo(200);
    }

    @Test
    void theDevelopmentIssuerIsOff() {
        String demo = Base64.getEncoder().encodeToString("alice:alice-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = new Http(port).sendAsIs(new Http(port).request("/oauth2/token",
                        "Authorization", "Basic " + demo, "Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        assertThat(token.statusCode()).isEqualTo(401);
        assertThat(token.body()).doesNotContain("access_token");
        assertThat(new Http(port).sendAsIs(new Http(port).request("/oauth2/jwks").GET().build()).statusCode()).isEqualTo(401);
    }

    private void assertRefused(String token, String detailMentions) {
        HttpResponse<String> response = call(post("/api/carts"), token);
        JsonNode problem = Problems.assertProblem(response, 401);
        assertThat(problem.get("detail").asString()).startsWith("The bearer token is not accepted").contains(detailMentions);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("invalid_token"));
    }

    private HttpRequest.Builder post(String path) {
        return new Http(port).request(path, "Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
    }

    private HttpResponse<String> call(HttpRequest.Builder request, String token) {
        return new Http(port).sendAsIs(request.header("Authorization", "Bearer " + token).build());
    }

    /** A customer's token as the issuer would sign it, adjusted. */
    private static String signed(RSAKey key, Consumer<JWTClaimsSet.Builder> adjust) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("carol").audience("boxoffice")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("cognito:groups", List.of("customer"));
        adjust.accept(claims);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer jwksServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
