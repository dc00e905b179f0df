package com.boxoffice.axon.dynamodb.eventstore;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The packed form of a commit item's events gives back exactly what was packed, deflated or not. */
class PackedEventsTest {

    private static PackedEvents.Packed event(int index, String revision, byte[] payload) {
        return new PackedEvents.Packed(index, new StoredEvent.Parts("id-" + index, Instant.ofEpochSecond(1_780_000_000L, 123_456_789),
                "com.example.Event" + index, revision, payload, ("{\"meta\":" + index + "}").getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertSame(List<PackedEvents.Packed> unpacked, List<PackedEvents.Packed> packed) {
        assertThat(unpacked).hasSameSizeAs(packed);
        for (int i = 0; i < packed.size(); i++) {
            assertThat(unpacked.get(i).indexInCommit()).isEqualTo(packed.get(i).indexInCommit());
            StoredEvent.Parts a = unpacked.get(i).parts();
            StoredEvent.Parts b = packed.get(i).parts();
            assertThat(a.eventId()).isEqualTo(b.eventId());
            assertThat(a.timestamp()).isEqualTo(b.timestamp());
            assertThat(a.payloadType()).isEqualTo(b.payloadType());
            assertThat(a.payloadRevision()).isEqualTo(b.payloadRevision());
            assertThat(a.payload()).isEqualTo(b.payload());
            assertThat(a.metaData()).isEqualTo(b.metaData());
        }
    }

    @Test
    void compressibleEventsAreDeflatedAndComeBackExactly() {
        List<PackedEvents.Packed> events = List.of(event(0, null, "a".repeat(5000).getBytes(StandardCharsets.UTF_8)),
                event(3, "2", new byte[0]), event(7, null, "{\"x\":1}".getBytes(StandardCharsets.UTF_8)));
        byte[] packed = PackedEvents.pack(events, true);
        byte[] raw = PackedEvents.pack(events, false);
        assertThat(packed.length).isLessThan(raw.length / 10);
        assertSame(PackedEvents.unpack(packed), events);
        assertSame(PackedEvents.unpack(raw), events);
    }

    @Test
    void incompressibleEventsAreStoredAsTheyAre() {
        byte[] noise = new byte[4000];
        new Random(7).nextBytes(noise);
        List<PackedEvents.Packed> events = List.of(event(0, null, noise));
        byte[] packed = PackedEvents.pack(events, true);
        assertThat(packed).isEqualTo(PackedEvents.pack(events, false));
        assertSame(PackedEvents.unpack(packed), events);
    }

    @Test
    void anUnknownFormatIsRefusedWithAClearMessage() {
        byte[] packed = PackedEvents.pack(List.of(event(0, null, new byte[1])), false);
        packed[0] = 9;
        assertThatThrownBy(() -> PackedEvents.unpack(packed)).isInstanceOf(DynamoDbEventStoreException.class)
                .hasMessageContaining("unknown format 9");
    }
}
