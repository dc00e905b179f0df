package com.boxoffice.axon.kinesis;

/**
 * How the publisher packs one aggregate's records into {@code PutRecords} requests.
 * <p>
 * {@code PutRecords} processes every record of a request even when an earlier one fails, so two records with the same
 * partition key in one request can be accepted out of order (the later accepted, the earlier throttled).
 */
public enum OrderingMode {
    /**
     * At most one record per partition key in a request; the next record of a key is sent only after the previous
     * one was accepted. A later event of an aggregate is never accepted before an earlier one. The contract's default.
     */
    STRICT,
    /**
     * Fill each request in store order. After a partial failure, the failed record and every later record of the
     * same key are sent again in order, so the stream holds the whole suffix in order after the early copy: readers
     * that keep the last occurrence of each sequence see order restored, but the first occurrences may be out of order.
     * Faster when few aggregates are hot.
     */
    BATCHED
}
