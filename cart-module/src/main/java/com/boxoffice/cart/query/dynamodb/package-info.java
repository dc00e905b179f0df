/**
 * The cart and order views in DynamoDB: tables {@code <prefix>carts} and {@code <prefix>orders}.
 * <ul>
 *     <li>One item per cart (per order), key {@code pk} = its id, holding the view (lines as a list of maps, money as
 *     decimal strings, times as ISO-8601 UTC) and {@code seq}, the aggregate sequence number of the last event
 *     applied. A change is read, applied by the pure functions of {@code com.boxoffice.cart.query}, and put on the
 *     condition that {@code seq} is still the one read: a replayed or redelivered event (not above {@code seq}) is
 *     skipped, and two writers racing for a cart (a segment handed over) cannot lose a change.</li>
 *     <li>Abandoned carts: a sparse global secondary index {@code open-carts} with partition key {@code openShard}
 *     ({@code open#0} .. {@code open#7}, from the cart id) and sort key {@code openedAtMs}. Only OPEN carts carry these
 *     two attributes; the put that records a checkout or close writes the item without them, which removes the cart
 *     from the index. "Open since T" is one Query per shard ({@code openedAtMs <= T}, oldest first, limited), so its
 *     cost grows with the open carts it returns, never with the table. Eight shards spread a high rate of new carts
 *     over eight index partitions.</li>
 * </ul>
 * The index is eventually consistent with the table (as every global secondary index): a cart checked out or closed
 * a moment ago may still be listed for that moment, so whoever acts on the list (a reminder) reads the cart first.
 */
package com.boxoffice.cart.query.dynamodb;
