package com.boxoffice.ticketing.api;

/** The bounds of a concert's capacity. */
public final class Capacity {

    public static final int MIN = 1;
    public static final int MAX = 100_000;

    private Capacity() {
    }
}
