package com.boxoffice.axon.springboot.metrics;

import com.boxoffice.axon.dynamodb.eventstore.EventStoreObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The event store's meters, kept from what the engine observes:
 * <ul>
 *     <li>{@value #APPEND} (timer, tag {@code outcome}: success, conflict, error): one {@code appendEvents}, i.e. one
 *     unit of work's events, from preparing the items to DynamoDB's answer, retries for partition heads included;</li>
 *     <li>{@value #CONFLICTS} (counter, tag {@code kind}): {@code aggregate-sequence} = an append refused because the
 *     aggregate's sequence was taken (Axon's {@code ConcurrencyException}, the optimistic lock);
 *     {@code partition-head} = a commit that lost the race for a partition head to another writer and was resent;</li>
 *     <li>{@value #CONSUMED_CAPACITY} (counter, tags {@code table}, {@code operation}: read, write): the capacity units
 *     DynamoDB reports for the engine's requests, what an on-demand table is billed for.</li>
 * </ul>
 * Until the meters are bound to a registry, observations are dropped.
 */
public final class EventStoreMeters implements EventStoreObserver, MeterBinder {

    public static final String APPEND = "boxoffice.eventstore.append";
    public static final String CONFLICTS = "boxoffice.eventstore.conflicts";
    public static final String CONSUMED_CAPACITY = "boxoffice.eventstore.consumed.capacity";

    static final String AGGREGATE_SEQUENCE = "aggregate-sequence";
    static final String PARTITION_HEAD = "partition-head";

    private final List<Bound> registries = new CopyOnWriteArrayList<>();

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(new Bound(registry));
    }

    @Override
    public void onAppend(Duration duration, AppendOutcome outcome) {
        for (Bound bound : registries) {
            bound.appends.get(outcome).record(duration);
            if (outcome == AppendOutcome.CONFLICT) {
                bound.sequenceConflicts.increment();
            }
        }
    }

    @Override
    public void onHeadConflict() {
        registries.forEach(bound -> bound.headConflicts.increment());
    }

    @Override
    public void onConsumedCapacity(String table, CapacityOperation operation, double units) {
        registries.forEach(bound -> bound.capacity(table, operation).increment(units));
    }

    /** The meters in one registry; those with a fixed set of tags are registered at once, so they show 0 until used. */
    private static final class Bound {

        private final MeterRegistry registry;
        private final Map<AppendOutcome, Timer> appends = new EnumMap<>(AppendOutcome.class);
        private final Counter sequenceConflicts;
        private final Counter headConflicts;
        private final Map<String, Counter> capacity = new ConcurrentHashMap<>();

        Bound(MeterRegistry registry) {
            this.registry = registry;
            for (AppendOutcome outcome : AppendOutcome.values()) {
                appends.put(outcome, Timer.builder(APPEND)
                        .description("Appends of a unit of work's events to the event store")
                        .tag("outcome", tag(outcome))
                        .register(registry));
            }
            sequenceConflicts = conflicts(AGGREGATE_SEQUENCE);
            headConflicts = conflicts(PARTITION_HEAD);
        }

        private Counter conflicts(String kind) {
            return Counter.builder(CONFLICTS)
                    .description("Appends refused for a taken aggregate sequence, and commits resent after losing a partition head")
                    .tag("kind", kind)
                    .register(registry);
        }

        Counter capacity(String table, CapacityOperation operation) {
            return capacity.computeIfAbsent(table + '/' + operation, key -> Counter.builder(CONSUMED_CAPACITY)
                    .description("DynamoDB capacity units consumed by the event store's requests")
                    .tag("table", table)
                    .tag("operation", tag(operation))
                    .register(registry));
        }
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
