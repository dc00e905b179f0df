package com.boxoffice.ticketing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Cancels a concert: later reservations and confirmations are refused. Cancelling twice is a no-op. */
public record CancelConcert(@TargetAggregateIdentifier UUID concertId) {
}
