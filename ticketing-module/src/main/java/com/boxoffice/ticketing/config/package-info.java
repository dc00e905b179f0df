/**
 * Ticketing's wiring. {@link com.boxoffice.ticketing.config.TicketingAutoConfiguration} holds the defaults an
 * application may replace (the {@link java.time.Clock}, and the command gateway whose
 * {@link com.boxoffice.ticketing.config.ConflictRetryScheduler} retries optimistic-locking conflicts and nothing else);
 * {@link com.boxoffice.ticketing.config.TicketingConfiguration} the concert's snapshots and the catalogue's processor,
 * projection and queries; {@link com.boxoffice.ticketing.config.CatalogueReplayEndpoint} the operator's replay handle.
 */
package com.boxoffice.ticketing.config;
