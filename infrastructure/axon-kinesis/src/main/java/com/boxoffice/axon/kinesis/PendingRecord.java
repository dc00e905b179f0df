package com.boxoffice.axon.kinesis;

import java.time.Instant;

/**
 * One event on its way to the stream.
 *
 * @param eventId      the event identifier (for error messages and tests)
 * @param partitionKey the aggregate identifier, or the event identifier for events without aggregate
 * @param data         the CloudEvents JSON document
 * @param timestamp    when the event happened, for the publish lag
 */
public record PendingRecord(String eventId, String partitionKey, byte[] data, Instant timestamp) {

    /** What the record counts towards Kinesis's request and record size limits. */
    public int size() {
        return data.length + partitionKey.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
