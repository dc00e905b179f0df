/**
 * The cart and order views: pure functions of the events ({@link com.boxoffice.cart.query.CartViews},
 * {@link com.boxoffice.cart.query.OrderViews}), the projections that apply them on their own pooled streaming
 * processors ({@value com.boxoffice.cart.query.CartProjection#PROCESSING_GROUP},
 * {@value com.boxoffice.cart.query.OrderProjection#PROCESSING_GROUP}), the storage ports, and the queries on Axon's
 * query bus. The DynamoDB adapters are in {@code .dynamodb}.
 * <p>
 * Each write carries its event's aggregate sequence number; a store applies it only when it is newer than the last
 * one applied to that view. The processors' sequencing is per aggregate, so one cart's events arrive in order, and a
 * second delivery of an event (a crash between the write and the token update, a segment taken over) changes nothing.
 * A replay starts with the {@code @ResetHandler}, which empties the store.
 */
package com.boxoffice.cart.query;
