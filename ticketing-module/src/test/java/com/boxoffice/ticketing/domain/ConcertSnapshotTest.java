package com.boxoffice.ticketing.domain;

import com.boxoffice.ticketing.api.ConcertCancelled;
import com.boxoffice.ticketing.api.ConcertScheduled;
import com.boxoffice.ticketing.api.TicketsAllocated;
import com.boxoffice.ticketing.api.TicketsReturned;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A snapshot is the concert serialised by the event serializer; reading it back must give the same state. */
class ConcertSnapshotTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void aSnapshotRestoresEveryField() {
        UUID concertId = UUID.randomUUID();
        BigDecimal price = new BigDecimal("45.00");
        Concert concert = new Concert();
        concert.on(new ConcertScheduled(concertId, "Nils Frahm", "Elbphilharmonie", Instant.parse("2026-09-12T19:30:00Z"), 100, price));
        concert.on(new TicketsAllocated(concertId, 9, 91, java.util.List.of(UUID.randomUUID())));
        concert.on(new TicketsReturned(concertId, 4, 95));
        concert.on(new ConcertCancelled(concertId));

        SerializedObject<byte[]> snapshot = serializer.serialize(concert, byte[].class);
        Object restored = serializer.deserialize(snapshot);

        assertThat(restored).isInstanceOf(Concert.class).usingRecursiveComparison().isEqualTo(concert);
        assertThat(new String(snapshot.getData())).contains("\"allocated\":5", "\"capacity\":100", "\"cancelled\":true");
    }
}
