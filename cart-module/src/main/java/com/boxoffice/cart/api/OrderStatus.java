package com.boxoffice.cart.api;

/**
 * Where an order stands: {@code PENDING} while its tickets are being reserved and sold, then {@code CONFIRMED} (every
 * line's tickets reserved, then sold) or {@code REJECTED} (a reservation was refused; every reservation it took is
 * released).
 */
public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED
}
