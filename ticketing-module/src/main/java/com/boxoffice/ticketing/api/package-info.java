/**
 * The published language of the ticketing context: what other contexts (the cart's checkout) may send, receive and
 * ask. Nothing here depends on Spring, AWS or the infrastructure module; only Axon's routing annotations.
 * <p>
 * <b>Reservations belong to orders.</b> Every reservation command names the {@code orderId} it acts for, and the
 * concert keeps one reservation per order. That makes the commands safe to retry after a timeout:
 * <ul>
 *     <li>{@link com.boxoffice.ticketing.api.ReserveTickets} for an order that already holds the same reservation
 *     succeeds again with the same {@link com.boxoffice.ticketing.api.Reservation} and records nothing new; a different
 *     quantity for the same order is refused ({@link com.boxoffice.ticketing.api.ReservationMismatchException}), as
 *     is a reservation for an order that was already released (a late retry must not take tickets back out).</li>
 *     <li>{@link com.boxoffice.ticketing.api.ConfirmReservation} twice is a no-op the second time; confirming an
 *     unknown order ({@link com.boxoffice.ticketing.api.UnknownReservationException}) or a released one
 *     ({@link com.boxoffice.ticketing.api.ReservationReleasedException}) is refused.</li>
 *     <li>{@link com.boxoffice.ticketing.api.ReleaseReservation} twice is a no-op the second time. Releasing an order
 *     that holds nothing records a release of zero tickets, so a reservation for that order that was still in flight
 *     (its sender timed out and compensated) is refused when it arrives. Releasing a confirmed (sold) reservation is
 *     refused: sold tickets go back only through a refund, which this context does not offer yet.</li>
 * </ul>
 * <b>Refusals are exceptions, not events.</b> A refused command changes nothing, so there is no fact to record; the
 * sender learns why synchronously from the command's result (the {@link com.boxoffice.ticketing.api.TicketingException}
 * subclass), which is exactly what a checkout waiting on the reservation needs. An event such as
 * "ReservationRefused" would append to the concert's stream on every failed attempt, so a sold-out hot concert would
 * take writes (and optimistic-lock contention) for requests that change nothing.
 */
package com.boxoffice.ticketing.api;
