package com.boxoffice.cart.api;

/**
 * Where an order stands: {@code PENDING} while its tickets are being reserved and sold, then {@code CONFIRMED} (every
 * line's tickets reserved, then sold) or {@code REJECTED} (a reservation was refused, or a concert was cancelled while
 * the order was pending; every reservation it took is released). A confirmed order of a concert that is cancelled ends
 * {@code CANCELLED}, refunded, its tickets released.
 */
public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, CANCELLED
}
