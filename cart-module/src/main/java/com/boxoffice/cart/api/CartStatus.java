package com.boxoffice.cart.api;

public enum CartStatus {
    OPEN, CHECKED_OUT, CLOSED
}
