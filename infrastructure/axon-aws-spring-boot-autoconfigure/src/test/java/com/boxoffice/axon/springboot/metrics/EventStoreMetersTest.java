package com.boxoffice.axon.springboot.metrics;

import com.boxoffice.axon.dynamodb.eventstore.EventStoreObserver.AppendOutcome;
import com.boxoffice.axon.dynamodb.eventstore.EventStoreObserver.CapacityOperation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreMetersTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final EventStoreMeters meters = new EventStoreMeters();

    @Test
    void appendsAreTimedByOutcomeAndConflictsCountedByKind() {
        meters.bindTo(registry);

        meters.onAppend(Duration.ofMillis(12), AppendOutcome.SUCCESS);
        meters.onAppend(Duration.ofMillis(8), AppendOutcome.SUCCESS);
        meters.onAppend(Duration.ofMillis(5), AppendOutcome.CONFLICT);
        meters.onHeadConflict();
        meters.onHeadConflict();

        Timer success = registry.get(EventStoreMeters.APPEND).tag("outcome", "success").timer();
        assertThat(success.count()).isEqualTo(2);
        assertThat(success.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(20);
        assertThat(registry.get(EventStoreMeters.APPEND).tag("outcome", "conflict").timer().count()).isEqualTo(1);
        assertThat(registry.get(EventStoreMeters.APPEND).tag("outcome", "error").timer().count()).isZero();
        assertThat(registry.get(EventStoreMeters.CONFLICTS).tag("kind", "aggregate-sequence").counter().count()).isEqualTo(1);
        assertThat(registry.get(EventStoreMeters.CONFLICTS).tag("kind", "partition-head").counter().count()).isEqualTo(2);
    }

    @Test
    void capacityIsSummedPerTableAndOperation() {
        meters.bindTo(registry);

        meters.onConsumedCapacity("boxoffice-events", CapacityOperation.WRITE, 4.0);
        meters.onConsumedCapacity("boxoffice-events", CapacityOperation.WRITE, 2.0);
        meters.onConsumedCapacity("boxoffice-events", CapacityOperation.READ, 0.5);
        meters.onConsumedCapacity("boxoffice-event-heads", CapacityOperation.WRITE, 2.0);

        assertThat(capacity("boxoffice-events", "write")).isEqualTo(6.0);
        assertThat(capacity("boxoffice-events", "read")).isEqualTo(0.5);
        assertThat(capacity("boxoffice-event-heads", "write")).isEqualTo(2.0);
        assertThat(registry.find(EventStoreMeters.CONSUMED_CAPACITY).tag("table", "boxoffice-event-heads")
                .tag("operation", "read").counter()).isNull();
    }

    @Test
    void theFixedMetersShowZeroBeforeAnythingHappened() {
        meters.bindTo(registry);

        assertThat(registry.get(EventStoreMeters.APPEND).timers()).hasSize(3);
        assertThat(registry.get(EventStoreMeters.CONFLICTS).counters()).hasSize(2)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
    }

    @Test
    void observationsBeforeBindingAreDroppedAndEveryBoundRegistryGetsThoseAfter() {
        meters.onAppend(Duration.ofMillis(1), AppendOutcome.ERROR);
        MeterRegistry second = new SimpleMeterRegistry();
        meters.bindTo(registry);
        meters.bindTo(second);

        meters.onAppend(Duration.ofMillis(3), AppendOutcome.ERROR);

        assertThat(registry.get(EventStoreMeters.APPEND).tag("outcome", "error").timer().count()).isEqualTo(1);
        assertThat(second.get(EventStoreMeters.APPEND).tag("outcome", "error").timer().count()).isEqualTo(1);
    }

    private double capacity(String table, String operation) {
        return registry.get(EventStoreMeters.CONSUMED_CAPACITY).tag("table", table).tag("operation", operation)
                .counter().count();
    }
}
