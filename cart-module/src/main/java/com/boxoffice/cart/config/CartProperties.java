package com.boxoffice.cart.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The cart context's settings.
 *
 * @param commandTimeout how long a REST request waits for its command's events to be stored (or a query's answer)
 * @param checkout       the checkout process
 */
@ConfigurationProperties("boxoffice.cart")
public record CartProperties(@DefaultValue("10s") Duration commandTimeout, @DefaultValue Checkout checkout) {

    /**
     * @param stepTimeout how long the process waits for one command (a reservation, say) before it gives the event
     *                    back to its processor, which retries it; the commands are idempotent, so a step that did
     *                    complete late is harmless
     * @param workers     threads of the checkout processor on this instance: each step waits for its command, so this
     *                    is how many orders advance at once (and how many reservations can meet in one batch)
     */
    public record Checkout(@DefaultValue("30s") Duration stepTimeout, @DefaultValue("16") int workers) {

        public Checkout {
            if (workers < 1) {
                throw new IllegalArgumentException("boxoffice.cart.checkout.workers must be at least 1, was " + workers);
            }
        }
    }
}
