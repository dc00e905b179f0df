/**
 * The cart context's wiring: its processors (pooled streaming, errors propagated so events are retried, not skipped),
 * the projections, queries and checkout process, and {@link com.boxoffice.cart.config.CartProperties}
 * ({@code boxoffice.cart.*}).
 */
package com.boxoffice.cart.config;
