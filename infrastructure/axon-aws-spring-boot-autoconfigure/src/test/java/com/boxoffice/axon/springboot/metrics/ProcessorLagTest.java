package com.boxoffice.axon.springboot.metrics;

import com.boxoffice.axon.dynamodb.tokenstore.ClaimedSegment;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorLagTest {

    private final AtomicLong head = new AtomicLong();
    private final AtomicInteger headReads = new AtomicInteger();
    private final Map<String, Long> positions = new HashMap<>();
    private final MutableClock clock = new MutableClock();
    private final ProcessorLag lag = new ProcessorLag(
            () -> {
                headReads.incrementAndGet();
                return OptionalLong.of(head.get());
            },
            name -> positions.containsKey(name) ? OptionalLong.of(positions.get(name)) : OptionalLong.empty(),
            Duration.ofSeconds(1), clock);

    @Test
    void lagIsTheHeadMinusTheProcessorsPosition() {
        head.set(120);
        positions.put("projection", 100L);
        positions.put("publisher", 120L);

        assertThat(lag.eventsBehind("projection")).hasValue(20);
        assertThat(lag.eventsBehind("publisher")).hasValue(0);
    }

    @Test
    void theStoredPositionIsTheFurthestBehindSegmentWhoeverHoldsIt() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        List<ClaimedSegment> segments = List.of(
                new ClaimedSegment(0, 1, "node-a", now, false, new GlobalSequenceTrackingToken(41)),
                new ClaimedSegment(1, 1, "node-b", now, false, ReplayToken.createReplayToken(
                        new GlobalSequenceTrackingToken(90), new GlobalSequenceTrackingToken(17))));

        assertThat(ProcessorLag.lowestStoredPosition(segments)).hasValue(17);
        assertThat(ProcessorLag.lowestStoredPosition(List.of(
                new ClaimedSegment(0, 0, null, null, false, null)))).as("at the start of the stream").hasValue(0);
        assertThat(ProcessorLag.lowestStoredPosition(List.of())).as("no segments yet").isEmpty();
    }

    @Test
    void aProcessorWithoutSegmentsOnThisNodeHasNoKnownLag() {
        head.set(5);

        assertThat(lag.eventsBehind("elsewhere")).isEmpty();
    }

    @Test
    void oneHeadReadServesAllProcessorsWithinItsMaximumAge() {
        head.set(50);
        positions.put("a", 10L);
        positions.put("b", 40L);

        assertThat(lag.eventsBehind("a")).hasValue(40);
        head.set(60);
        assertThat(lag.eventsBehind("b")).hasValue(10);
        assertThat(headReads).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(lag.eventsBehind("b")).hasValue(20);
        assertThat(headReads).hasValue(2);
    }

    @Test
    void aCachedHeadBehindTheProcessorIsNoLagNotANegativeOne() {
        head.set(10);
        positions.put("fast", 10L);
        assertThat(lag.eventsBehind("fast")).hasValue(0);

        positions.put("fast", 15L);

        assertThat(lag.eventsBehind("fast")).hasValue(0);
    }

    @Test
    void gaugesAppearPerProcessorWhicheverComesFirstBindingOrStart() {
        head.set(30);
        positions.put("cart-views", 25L);
        ProcessorLagMeters meters = new ProcessorLagMeters(lag);
        MeterRegistry early = new SimpleMeterRegistry();
        meters.bindTo(early);

        meters.processorsStarted(List.of("cart-views", "remote-only"));
        MeterRegistry late = new SimpleMeterRegistry();
        meters.bindTo(late);

        for (MeterRegistry registry : List.of(early, late)) {
            assertThat(registry.get(ProcessorLagMeters.NAME).tag("processor", "cart-views").gauge().value()).isEqualTo(5);
            assertThat(registry.get(ProcessorLagMeters.NAME).tag("processor", "remote-only").gauge().value()).isNaN();
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
