package com.boxoffice.infrastructure.kinesis;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CloudEvents {@code source} of an event type: the bounded context it belongs to. Configured package prefixes
 * win (longest first); otherwise {@code com.boxoffice.<context>.…} gives {@code /boxoffice/<context>}; anything
 * else gets the fallback.
 */
public final class CloudEventSources {

    private static final Pattern BOXOFFICE_PACKAGE = Pattern.compile("^com\\.boxoffice\\.([a-z0-9_]+)\\..+");

    private final Map<String, String> prefixes;
    private final String fallback;

    public CloudEventSources(Map<String, String> prefixes, String fallback) {
        this.prefixes = new LinkedHashMap<>();
        (prefixes == null ? Map.<String, String>of() : prefixes).entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .forEach(e -> this.prefixes.put(e.getKey(), e.getValue()));
        this.fallback = fallback;
    }

    public static CloudEventSources defaults() {
        return new CloudEventSources(Map.of(), "/boxoffice");
    }

    public String sourceOf(String payloadTypeName) {
        for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
            if (payloadTypeName.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        Matcher matcher = BOXOFFICE_PACKAGE.matcher(payloadTypeName);
        return matcher.matches() ? "/boxoffice/" + matcher.group(1) : fallback;
    }
}
