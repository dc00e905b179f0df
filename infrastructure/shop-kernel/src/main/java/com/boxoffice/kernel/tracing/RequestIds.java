package com.boxoffice.kernel.tracing;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id of the HTTP request the current thread serves, and the rules for one. A caller's id is accepted when it
 * is 1 to 128 characters of letters, digits and {@code - _ . :} (UUIDs, ULIDs, W3C trace ids and the like): it ends up in
 * logs, metadata and DynamoDB keys, so nothing that could forge a log line or a key separator gets in.
 */
public final class RequestIds {

    /** The HTTP header, in requests and responses. */
    public static final String HEADER = "X-Request-Id";

    /** The metadata key commands and events carry it under, and the logging MDC key. */
    public static final String METADATA_KEY = "requestId";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestIds() {
    }

    public static boolean isValid(String requestId) {
        return requestId != null && VALID.matcher(requestId).matches();
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The id of the request this thread serves; empty outside a request (an event processor's thread). */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Binds the id to this thread until the returned scope is closed. */
    public static Scope bind(String requestId) {
        if (!isValid(requestId)) {
            throw new IllegalArgumentException("Not a valid request id: " + requestId);
        }
        String previous = CURRENT.get();
        CURRENT.set(requestId);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Restores the thread's previous request id (usually none) when closed. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
