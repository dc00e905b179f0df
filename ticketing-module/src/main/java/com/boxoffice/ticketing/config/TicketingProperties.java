package com.boxoffice.ticketing.config;

import com.boxoffice.ticketing.domain.ReservationBatches;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Ticketing's settings.
 *
 * @param commandTimeout how long a REST request waits for its command's events to be stored
 * @param snapshotEvery  a concert is snapshotted once this many events were sourced or applied since its last
 *                       snapshot, so that loading it never reads more than about this many events
 * @param reservations   how reservations of a concert are batched
 */
@ConfigurationProperties("boxoffice.ticketing")
public record TicketingProperties(@DefaultValue("10s") Duration commandTimeout,
                                  @DefaultValue("250") int snapshotEvery,
                                  @DefaultValue Reservations reservations) {

    /**
     * @param maxBatch      reservations and releases of one concert decided in one unit of work and commit, 1 to
     *                      {@value ReservationBatches#MAX_REQUESTS} (each is one event; a DynamoDB transaction holds
     *                      100 items)
     * @param maxAttempts   how often a batch is decided again after losing a race to another instance
     * @param answerTimeout how long a reservation waits for its batch before it fails (it may be retried)
     */
    public record Reservations(@DefaultValue("90") int maxBatch,
                               @DefaultValue("20") int maxAttempts,
                               @DefaultValue("30s") Duration answerTimeout) {

        public Reservations {
            if (maxBatch < 1 || maxBatch > ReservationBatches.MAX_REQUESTS) {
                throw new IllegalArgumentException("boxoffice.ticketing.reservations.max-batch must be 1.."
                        + ReservationBatches.MAX_REQUESTS + ", was " + maxBatch);
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("boxoffice.ticketing.reservations.max-attempts must be at least 1, was "
                        + maxAttempts);
            }
        }
    }
}
