package com.boxoffice.ticketing.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Ticketing's settings.
 *
 * @param commandTimeout how long a REST request waits for its command's events to be stored
 * @param snapshotEvery  a concert is snapshotted once this many events were sourced or applied since its last
 *                       snapshot, so that loading it never reads more than about this many events
 */
@ConfigurationProperties("boxoffice.ticketing")
public record TicketingProperties(@DefaultValue("10s") Duration commandTimeout,
                                  @DefaultValue("250") int snapshotEvery) {

}
