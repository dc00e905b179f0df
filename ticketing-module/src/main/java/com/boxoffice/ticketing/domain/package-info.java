/**
 * The concert aggregate: the one consistency boundary that guarantees a concert is never oversold.
 * <p>
 * Every reservation of a concert goes through its one aggregate, so reservations of one concert are sequential: within
 * a JVM Axon's aggregate lock serialises them, across JVMs the event store's optimistic lock on (concertId, sequence)
 * rejects the loser of a race, and the command gateway retries it on the new state (see
 * {@code com.boxoffice.kernel.commands.ConflictRetryScheduler}). The README's "hot concert" section gives the ceiling
 * this implies and how a bigger concert would be split.
 * <p>
 * Time comes from an injected {@link java.time.Clock} (a Spring bean, a registered resource in tests) so that "in the
 * future" and "sales closed" are testable.
 */
package com.boxoffice.ticketing.domain;
