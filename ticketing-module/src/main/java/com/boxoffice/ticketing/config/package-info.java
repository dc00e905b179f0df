/**
 * Ticketing's wiring: {@link com.boxoffice.ticketing.config.TicketingConfiguration} holds the concert's snapshots and
 * the catalogue's processor, projection and queries. The clock and the conflict-retrying command gateway the context
 * uses come from the shop kernel ({@code com.boxoffice.kernel}), shared with the other contexts.
 */
package com.boxoffice.ticketing.config;
