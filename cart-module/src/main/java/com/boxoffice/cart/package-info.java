/**
 * The cart context: carts, and the checkout that turns a cart into an order of tickets sold by the ticketing context.
 * It talks to ticketing only through {@code com.boxoffice.ticketing.api} (its commands, events and catalogue query).
 *
 * <h2>Checkout: an event-sourced order and a stateless process</h2>
 * A checkout spans two contexts and several aggregates (the cart, the order, one concert per line), so it cannot be one
 * transaction. It is a process of small idempotent steps, each a command that either stores its events or fails:
 * <ol>
 *     <li>{@code POST /api/carts/{id}/checkout} sends {@code CheckOutCart}; the cart records {@code CartCheckedOut}
 *     (with a new order id and the lines) and the request answers 202 with the order id.</li>
 *     <li>The process reacts to {@code CartCheckedOut} with {@code PlaceOrder}: the {@link com.boxoffice.cart.domain.Order}
 *     records {@code OrderPlaced} (PENDING). Placing an existing order does nothing, so the step may repeat.</li>
 *     <li>On {@code OrderPlaced} it sends ticketing's {@code ReserveTickets(concert, order, quantity)} line by line,
 *     and records each success on the order ({@code OrderLineReserved}). When the last line is recorded the order
 *     adds {@code OrderReserved}.</li>
 *     <li>On {@code OrderReserved} it sends {@code ConfirmReservation} for every line, then {@code ConfirmOrder}:
 *     {@code OrderConfirmed}, CONFIRMED.</li>
 *     <li>A refusal (sold out, cancelled, sales closed, an unknown concert) makes it send {@code RejectOrder(reason)}:
 *     {@code OrderRejected}, REJECTED. On {@code OrderRejected} it sends {@code ReleaseReservation} for every line of
 *     the order; ticketing records a release even for a line it never reserved, which also refuses a late reservation
 *     of that line, so no reservation of a rejected order survives.</li>
 * </ol>
 * The process ({@link com.boxoffice.cart.process.CheckoutProcess}) keeps no state of its own, so it needs no saga
 * store: what it knows is in the order's events, and how far it got is the token of its pooled streaming processor
 * ({@value com.boxoffice.cart.process.CheckoutProcess#PROCESSING_GROUP}) in the token store. The processor's sequencing
 * is per aggregate, so the events of one order reach the process in order, whichever instance owns the segment.
 *
 * <h2>Crashes and retries</h2>
 * A token moves past an event only once its handler finished. If the JVM dies during a step, the event is handed
 * over again after the restart (or to the instance that takes the segment over), and the handler sends the same
 * commands again. Each is idempotent on its receiver: ticketing keeps one reservation per (concert, order) and answers
 * a repeated reserve, confirm or release without recording anything; the order ignores a repeated place, record,
 * confirm or reject. So a PENDING order completes after a restart, and nothing is reserved twice or left reserved.
 * The process sends each command from a thread of its own (see {@link com.boxoffice.cart.process.CheckoutCommands}),
 * so a step's events are stored before the next step starts, not when the processor's batch commits.
 * <p>
 * Refusals and failures differ. A refusal is the receiver's decision ({@code TicketingException}, an unknown concert)
 * and decides the order. A technical failure (a conflict on a hot concert that outlasted the gateway's conflict
 * retries, a timeout, throttling) is thrown from the handler; the processor's error handler propagates it, so the
 * processor backs off and retries the same event instead of rejecting an order that could still succeed.
 * <p>
 * One gap remains, by ticketing's rules: a confirmation can be refused after another line of the same order was sold
 * (its concert was cancelled in between). The order is then REJECTED and the sold line cannot be released (ticketing
 * has no refunds yet); the process logs it as an error for an operator.
 *
 * <h2>Views</h2>
 * The cart and order views are projections in DynamoDB ({@code com.boxoffice.cart.query}), each on its own pooled
 * streaming processor; their writes are conditional on the events' sequence numbers, so replays and redeliveries are
 * harmless. They lag the commands: the REST layer answers 404 for a cart or order its projection does not have yet.
 */
package com.boxoffice.cart;
