/**
 * What the cart context publishes: the commands, events and refusals of its two aggregates, the cart and the order,
 * and the queries and views of their projections. Other contexts and the REST layer use only this package.
 * <p>
 * Money is EUR as {@link java.math.BigDecimal} with two decimals. Refusals are {@link com.boxoffice.cart.api.CartException}
 * subclasses thrown by the command handler; a refused command records nothing.
 */
package com.boxoffice.cart.api;
