package com.boxoffice.axon.kinesis;

import org.axonframework.common.BuilderUtils;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents sources from the payload's package. Checked in this order:
 * <ol>
 *     <li>configured package prefixes, longest first ({@code com.acme.billing} → {@code /billing});</li>
 *     <li>with a base package, its next segment: base {@code com.shop} and source prefix {@code /shop} make
 *     {@code com.shop.ticketing.api.TicketsReserved} come from {@code /shop/ticketing};</li>
 *     <li>the fallback.</li>
 * </ol>
 * Immutable and thread-safe.
 */
public final class PackageCloudEventSources implements CloudEventSourceResolver {

    private final Map<String, String> prefixes;
    private final String basePackage;
    private final String baseSource;
    private final String fallback;

    private PackageCloudEventSources(Builder builder) {
        this.prefixes = new LinkedHashMap<>();
        builder.prefixes.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .forEach(e -> this.prefixes.put(e.getKey(), e.getValue()));
        this.basePackage = builder.basePackage == null ? null : builder.basePackage + ".";
        this.baseSource = builder.baseSource;
        this.fallback = builder.fallback;
    }

    /**
     * A builder with no prefixes, no base package and the fallback {@code /}.
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String sourceOf(String payloadTypeName) {
        for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
            if (payloadTypeName.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        if (basePackage != null && payloadTypeName.startsWith(basePackage)) {
            int end = payloadTypeName.indexOf('.', basePackage.length());
            if (end > basePackage.length()) {
                return baseSource + "/" + payloadTypeName.substring(basePackage.length(), end);
            }
        }
        return fallback;
    }

    /** Builds a {@link PackageCloudEventSources}; every setting is optional and each setter asserts its argument. */
    public static final class Builder {

        private final Map<String, String> prefixes = new LinkedHashMap<>();
        private String basePackage;
        private String baseSource;
        private String fallback = "/";

        private Builder() {
        }

        /** Events whose class name starts with {@code packagePrefix} come from {@code source}. */
        public Builder prefix(String packagePrefix, String source) {
            BuilderUtils.assertNonEmpty(packagePrefix, "A package prefix may not be null or empty");
            BuilderUtils.assertNonEmpty(source, "The source of " + packagePrefix + " may not be null or empty");
            prefixes.put(packagePrefix, source);
            return this;
        }

        /** {@link #prefix} for each entry. */
        public Builder prefixes(Map<String, String> sourcesByPackagePrefix) {
            BuilderUtils.assertNonNull(sourcesByPackagePrefix, "The prefixes may not be null");
            sourcesByPackagePrefix.forEach(this::prefix);
            return this;
        }

        /**
         * Events in a package below {@code basePackage} come from {@code sourcePrefix/<next segment>}.
         */
        public Builder contextsUnder(String basePackage, String sourcePrefix) {
            BuilderUtils.assertNonEmpty(basePackage, "The base package may not be null or empty");
            BuilderUtils.assertNonNull(sourcePrefix, "The source prefix may not be null");
            BuilderUtils.assertThat(!basePackage.endsWith("."), b -> b,
                    "The base package is a package name, without a trailing dot: " + basePackage);
            this.basePackage = basePackage;
            this.baseSource = sourcePrefix.endsWith("/") ? sourcePrefix.substring(0, sourcePrefix.length() - 1) : sourcePrefix;
            return this;
        }

        /** The source of events that match nothing else. Defaults to {@code /}. */
        public Builder fallback(String fallback) {
            BuilderUtils.assertNonEmpty(fallback, "The fallback source may not be null or empty");
            this.fallback = fallback;
            return this;
        }

        public PackageCloudEventSources build() {
            return new PackageCloudEventSources(this);
        }
    }
}
