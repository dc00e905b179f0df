package com.boxoffice.app.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real tokens from the development issuer of a running application, for the demo users of its {@code application.yml}
 * (secret: the id and {@code -secret}), fetched as the README's curl does: a client-credentials grant at
 * {@code /oauth2/token}. Kept per application and user until a minute before they expire; each instance signs with
 * a key of its own, so a token is good only at the application that issued it.
 */
public final class DemoTokens {

    public static final String CUSTOMER = "alice";
    public static final String OTHER_CUSTOMER = "bob";
    public static final String STAFF = "sam";
    public static final String OPERATOR = "olga";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private DemoTokens() {
    }

    /** {@code Bearer <token>} of the user at the application listening at {@code base} ({@code http://host:port}). */
    public static String bearer(String base, String user) {
        return "Bearer " + token(base, user);
    }

    /**
     * Forgets the tokens of the application at {@code base}: a new application listens there now (the old one's port
     * was taken again), with a new key.
     */
    public static void forget(String base) {
        TOKENS.keySet().removeIf(key -> key.startsWith(base + " "));
    }

    public static String token(String base, String user) {
        return TOKENS.compute(base + " " + user, (key, kept) ->
                kept != null && kept.validUntil().isAfter(Instant.now().plusSeconds(60)) ? kept : fetch(base, user)).value();
    }

    /**
     * The demo user allowed to make the request, for tests about something else than who may: staff schedule and
     * cancel concerts, operators browse events, traces, the admin API and the actuator, the customer does the rest.
     */
    public static String userFor(String method, String path) {
        if (path.startsWith("/api/events") || path.startsWith("/api/requests") || path.startsWith("/api/admin")
                || path.startsWith("/actuator")) {
            return OPERATOR;
        }
        if (path.startsWith("/api/concerts") && !method.equals("GET")) {
            return STAFF;
        }
        if (path.startsWith("/api/carts") && method.equals("GET") && (path.equals("/api/carts") || path.startsWith("/api/carts?"))) {
            return STAFF;
        }
        return CUSTOMER;
    }

    /** The request with the token of {@link #userFor} unless it carries an {@code Authorization} header already. */
    public static HttpRequest authorized(HttpRequest request) {
        if (request.headers().firstValue("Authorization").isPresent()) {
            return request;
        }
        URI uri = request.uri();
        String path = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        return HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Authorization", bearer(base, userFor(request.method(), path))).build();
    }

    private static Token fetch(String base, String user) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user + "-secret").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/oauth2/token")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("No token for " + user + " at " + base + ": " + response.statusCode()
                        + " " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            return new Token(body.get("access_token").asString(),
                    Instant.now().plusSeconds(body.get("expires_in").asLong()));
        } catch (IOException e) {
            throw new IllegalStateException("No token for " + user + " at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Token(String value, Instant validUntil) {
    }
}
