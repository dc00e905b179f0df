package com.boxoffice.kernel.idempotency;

import com.boxoffice.axon.dynamodb.support.DynamoDbErrors;
import com.boxoffice.kernel.web.FilterProblems;
import com.boxoffice.kernel.web.RequestBodyTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on the endpoints that declare it ({@link IdempotentEndpoint}): the first request with a key
 * runs and its answer is stored; a retry with the same key and the same request (method, path, body) gets that answer
 * again and creates nothing; the same key with another request is 422. Keys are the caller's own: the same key of two
 * callers are two keys. A retry arriving while the first still runs waits for its answer (polling, with backoff, for
 * at most {@link IdempotencyProperties#retryWait()}). An answer of 5xx is not kept: the key is freed, so the retry runs
 * again. Runs after Spring Security, so it sees the authenticated caller.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotency-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.CONTENT_TYPE);
    private static final Duration FIRST_POLL = Duration.ofMillis(20);
    private static final Duration LONGEST_POLL = Duration.ofMillis(500);
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final DynamoDbIdempotencyKeys keys;
    private final List<Endpoint> endpoints;
    private final Duration wait;

    IdempotencyFilter(DynamoDbIdempotencyKeys keys, List<IdempotentEndpoint> endpoints, Duration wait) {
        this.keys = keys;
        this.endpoints = endpoints.stream().map(endpoint -> new Endpoint(endpoint.method().name(), endpoint.parsed())).toList();
        this.wait = wait;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (request.getHeader(HEADER) == null) {
            return true;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return endpoints.stream().noneMatch(endpoint -> endpoint.method().equals(request.getMethod())
                && endpoint.pattern().matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(presented).matches()) {
            FilterProblems.write(response, HttpStatus.BAD_REQUEST, "Invalid request", "'" + HEADER
                    + "' must be 1 to 255 visible ASCII characters, such as a UUID", request);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestBodyTooLargeException e) {
            FilterProblems.write(response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    "The request body is larger than " + e.limit() + " bytes, the most accepted", request);
            return;
        }
        String key = callerOf() + " " + presented;
        String fingerprint = fingerprint(request, body);
        try {
            answer(key, fingerprint, new BufferedBodyRequest(request, body), response, chain);
        } catch (SdkException e) {
            if (!DynamoDbErrors.isTransient(e)) {
                throw e;
            }
            log.warn("Idempotency keys unavailable: {}", e.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            FilterProblems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
                    "The request could not be checked against its " + HEADER + " now; retry with the same key", request);
        }
    }

    private void answer(String key, String fingerprint, HttpServletRequest request, HttpServletResponse response,
                        FilterChain chain) throws IOException, ServletException {
        long deadline = System.nanoTime() + wait.toNanos();
        Duration poll = FIRST_POLL;
        while (true) {
            String claim = UUID.randomUUID().toString();
            if (keys.claim(key, fingerprint, claim)) {
                runFirst(key, claim, request, response, chain);
                return;
            }
            Optional<KeyRecord> held = keys.read(key);
            if (held.isPresent() && !held.get().fingerprint().equals(fingerprint)) {
                FilterProblems.write(response, HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused",
                        "This " + HEADER + " was used for another request (method, path or body): use a new key for a"
                                + " new request", request);
                return;
            }
            if (held.isPresent() && held.get().answered()) {
                replay(held.get().answer(), response);
                return;
            }
            if (held.isPresent() && System.nanoTime() > deadline) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                FilterProblems.write(response, HttpStatus.CONFLICT, "Request in progress",
                        "The first request with this " + HEADER + " has not answered yet; retry with the same key", request);
                return;
            }
            if (held.isPresent()) {
                pause(poll);
                poll = poll.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : poll.multipliedBy(2);
            }
        }
    }

    private void runFirst(String key, String claim, HttpServletRequest request, HttpServletResponse response,
                          FilterChain chain) throws IOException, ServletException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, recorded);
        } catch (IOException | ServletException | RuntimeException e) {
            keys.release(key, claim);
            throw e;
        }
        if (recorded.getStatus() >= 500) {
            keys.release(key, claim);
        } else {
            Map<String, String> headers = new HashMap<>();
            for (String name : REPLAYED_HEADERS) {
                String value = name.equals(HttpHeaders.CONTENT_TYPE) ? recorded.getContentType() : recorded.getHeader(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            keys.answer(key, claim, new StoredAnswer(recorded.getStatus(), headers, recorded.getContentAsByteArray()));
        }
        recorded.copyBodyToResponse();
    }

    private static void replay(StoredAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> {
            if (name.equals(HttpHeaders.CONTENT_TYPE)) {
                response.setContentType(value);
            } else {
                response.setHeader(name, value);
            }
        });
        response.setHeader(REPLAYED, "true");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private static String callerOf() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null ? "anonymous" : caller.getName();
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
            digest.update((request.getMethod() + " " + request.getRequestURI() + query + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static void pause(Duration poll) throws IOException {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the first request with the same key", e);
        }
    }

    private record Endpoint(String method, PathPattern pattern) {
    }
}
