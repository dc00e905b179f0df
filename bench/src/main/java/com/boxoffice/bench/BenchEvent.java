package com.boxoffice.bench;

/** A typical small domain event, about 300 bytes serialized. */
public record BenchEvent(String concertId, String orderId, int quantity, String unitPrice, String note) {
}
