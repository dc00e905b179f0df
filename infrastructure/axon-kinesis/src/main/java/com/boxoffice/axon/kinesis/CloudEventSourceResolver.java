package com.boxoffice.axon.kinesis;

/**
 * Names the CloudEvents {@code source} of an event type: where, in the producer's terms, events of that type come
 * from (e.g. the bounded context). Called for every record published, so it must be cheap and must not fail.
 *
 * @see PackageCloudEventSources the package-based resolver the auto-configuration builds from properties
 */
@FunctionalInterface
public interface CloudEventSourceResolver {

    /**
     * @param payloadTypeName the event payload's fully qualified class name
     * @return a non-empty URI reference, e.g. {@code /shop/ticketing}
     */
    String sourceOf(String payloadTypeName);

    /** Every event gets the same source. */
    static CloudEventSourceResolver fixed(String source) {
        return payloadTypeName -> source;
    }
}
