package com.boxoffice.axon.springboot.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@value #NAME} (gauge, tag {@code group}; {@code boxoffice_dead_letters} in Prometheus): letters each processing
 * group has parked, read from its counter item (one {@code GetItem} per group and scrape); NaN while unreadable.
 * Groups get their gauge when their queue is made, before or after the registry binds this.
 */
public final class DeadLetterMeters implements MeterBinder {

    public static final String NAME = "boxoffice.dead.letters";

    private final DynamoDbDeadLetterQueues queues;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

    public DeadLetterMeters(DynamoDbDeadLetterQueues queues) {
        this.queues = queues;
        queues.onGroup(this::groupAdded);
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        registries.add(registry);
        queues.queues().keySet().forEach(group -> register(registry, group));
    }

    private synchronized void groupAdded(String group) {
        registries.forEach(registry -> register(registry, group));
    }

    private void register(MeterRegistry registry, String group) {
        Gauge.builder(NAME, queues, q -> {
                    try {
                        return q.forGroup(group).counts().letters();
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description("Events parked in the processing group's dead-letter queue")
                .tag("group", group)
                .register(registry);
    }
}
