/**
 * Ticketing's REST endpoints under {@code /api/concerts} (see {@code shared/design/api.md}), speaking JSON, with every
 * error as RFC 9457 {@code application/problem+json} ({@link com.boxoffice.ticketing.web.TicketingProblemHandler}).
 * Commands go through Axon's command gateway and answer once their events are stored; reads go through the query
 * gateway to the catalogue, which lags the commands by a moment. There is deliberately no public reservation
 * endpoint: reservations come from the cart's checkout, which sends {@code ReserveTickets} through the gateway.
 */
package com.boxoffice.ticketing.web;
