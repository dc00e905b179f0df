package com.boxoffice.ticketing.api;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message of the published language survives the event serializer unchanged, money keeping its two decimals
 * (BigDecimal equality is scale-sensitive) and instants their precision.
 */
class ApiSerializationTest {

    private static final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
    private static final UUID CONCERT = UUID.randomUUID();
    private static final UUID ORDER = UUID.randomUUID();
    private static final Instant STARTS_AT = Instant.parse("2026-09-12T19:30:00.123Z");
    private static final BigDecimal PRICE = new BigDecimal("45.00");

    static List<Object> messages() {
        return List.of(
                new ScheduleConcert(CONCERT, "Nils Frahm", "Elbphilharmonie", STARTS_AT, 500, PRICE),
                new ReserveTickets(CONCERT, ORDER, 3),
                new ConfirmReservation(CONCERT, ORDER),
                new ReleaseReservation(CONCERT, ORDER, "payment failed"),
                new CancelConcert(CONCERT),
                new ConcertScheduled(CONCERT, "Nils Frahm", "Elbphilharmonie", STARTS_AT, 500, PRICE),
                new TicketsReserved(CONCERT, ORDER, 3, PRICE),
                new ReservationConfirmed(CONCERT, ORDER, 3),
                new ReservationReleased(CONCERT, ORDER, 0, null),
                new ConcertCancelled(CONCERT),
                new Reservation(CONCERT, ORDER, 3, PRICE),
                new FindConcert(CONCERT),
                new FindConcerts("frahm", null, STARTS_AT, null),
                new ConcertView(CONCERT, "Nils Frahm", "Elbphilharmonie", STARTS_AT, 500, 497, PRICE, ConcertStatus.SCHEDULED));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void survivesTheSerializer(Object message) {
        SerializedObject<byte[]> serialized = serializer.serialize(message, byte[].class);

        assertThat((Object) serializer.deserialize(serialized)).isEqualTo(message);
    }
}
