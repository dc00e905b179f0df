package com.boxoffice.ticketing.api;

/** Whether a concert still sells tickets. */
public enum ConcertStatus {
    SCHEDULED,
    CANCELLED
}
