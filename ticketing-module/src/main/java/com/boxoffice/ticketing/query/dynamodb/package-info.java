/**
 * The catalogue in DynamoDB: one table, {@code <prefix>concerts}.
 * <ul>
 *     <li>One item per concert, key {@code pk} = the concert id. Besides the view's fields it keeps the reserved and
 *     sold counters ({@code available} is derived when read) and {@code seq}, the sequence number of the last event
 *     applied, which every update compares against (conditional write), so a replayed event changes nothing.</li>
 *     <li>A global secondary index {@code by-start-month}: partition key {@code month} (the UTC start month,
 *     {@code YYYY-MM}), sort key {@code startsAtMs} (epoch milliseconds). A date range is answered by one Query per
 *     month it spans, each a key-range read: no scan on the hot path.</li>
 *     <li>One index item, {@code pk = #months}, with the set of months that have concerts, so an open-ended range
 *     ("upcoming") queries only months that exist. It is written (set ADD, idempotent) before the concert item, so a
 *     concert item is never unreachable.</li>
 * </ul>
 * A month's concerts share one index partition; the catalogue of a ticket shop (thousands of concerts a month) is far
 * from a partition's limits, but every counter update is also an index write (projection ALL), which is why a single
 * hot concert's updates count twice against write capacity.
 */
package com.boxoffice.ticketing.query.dynamodb;
