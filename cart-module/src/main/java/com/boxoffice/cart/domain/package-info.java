/**
 * The cart context's aggregates: the {@link com.boxoffice.cart.domain.Cart} (what a customer is about to buy) and
 * the {@link com.boxoffice.cart.domain.Order} (what a checkout made of it, and how far its tickets got). Both are
 * event-sourced and free of queries, Spring and AWS.
 */
package com.boxoffice.cart.domain;
