package com.boxoffice.ticketing.domain;

import com.boxoffice.ticketing.api.ReleaseReservation;
import com.boxoffice.ticketing.api.ReserveTickets;
import org.axonframework.messaging.MetaData;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** A command waiting at the {@link ReservationDesk}, with the correlation data of its sender and its answer to come. */
sealed interface DeskRequest {

    UUID concertId();

    UUID orderId();

    MetaData correlation();

    /** Completed with the command's result ({@code Reservation}, or null for a release) or its refusal. */
    CompletableFuture<Object> answer();

    record Reserve(ReserveTickets command, MetaData correlation, CompletableFuture<Object> answer) implements DeskRequest {

        Reserve(ReserveTickets command, MetaData correlation) {
            this(command, correlation, new CompletableFuture<>());
        }

        @Override
        public UUID concertId() {
            return command.concertId();
        }

        @Override
        public UUID orderId() {
            return command.orderId();
        }
    }

    record Release(ReleaseReservation command, MetaData correlation, CompletableFuture<Object> answer) implements DeskRequest {

        Release(ReleaseReservation command, MetaData correlation) {
            this(command, correlation, new CompletableFuture<>());
        }

        @Override
        public UUID concertId() {
            return command.concertId();
        }

        @Override
        public UUID orderId() {
            return command.orderId();
        }
    }
}
