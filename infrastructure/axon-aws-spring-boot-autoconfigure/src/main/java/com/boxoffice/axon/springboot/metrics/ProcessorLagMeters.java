package com.boxoffice.axon.springboot.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@value #NAME} (gauge, tag {@code processor}): events each streaming processor is behind the event store, see
 * {@link ProcessorLag}; NaN while unknown on this node.
 * <p>
 * The processors are only known once Axon has started them, which is after Spring binds meter binders; so the gauges
 * are registered when both have happened, in whichever order.
 */
public final class ProcessorLagMeters implements MeterBinder {

    public static final String NAME = "boxoffice.processor.lag";

    private final ProcessorLag lag;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private volatile List<String> processors = List.of();

    public ProcessorLagMeters(ProcessorLag lag) {
        this.lag = lag;
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        registries.add(registry);
        processors.forEach(processor -> register(registry, processor));
    }

    /** The streaming processors of this application, once they exist. */
    public synchronized void processorsStarted(Collection<String> names) {
        processors = List.copyOf(names);
        registries.forEach(registry -> processors.forEach(processor -> register(registry, processor)));
    }

    private void register(MeterRegistry registry, String processor) {
        Gauge.builder(NAME, lag, l -> {
                    var behind = l.eventsBehind(processor);
                    return behind.isPresent() ? behind.getAsLong() : Double.NaN;
                })
                .description("Events in the event store that the streaming processor has not passed yet")
                .tag("processor", processor)
                .register(registry);
    }
}
