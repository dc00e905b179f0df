package com.boxoffice.axon.kinesis;

/** A test event: its class is on the consumer's classpath, so the payload comes back typed. */
public record SeatReserved(String concertId, int seat, String customer) {
}
