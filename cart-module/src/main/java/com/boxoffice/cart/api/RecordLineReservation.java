package com.boxoffice.cart.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Records on the order that ticketing holds the tickets of one of its lines. Recording a line twice, or on an order
 * that is no longer pending, changes nothing.
 *
 * @param unitPrice the concert's price ticketing reserved at, for the record (the order keeps the cart's price)
 */
public record RecordLineReservation(@TargetAggregateIdentifier UUID orderId, UUID concertId, int quantity,
                                    BigDecimal unitPrice) {
}
