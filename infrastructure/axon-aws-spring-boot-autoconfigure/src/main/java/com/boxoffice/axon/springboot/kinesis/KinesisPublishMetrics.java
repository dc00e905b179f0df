package com.boxoffice.axon.springboot.kinesis;

import com.boxoffice.axon.kinesis.PublishLag;
import com.boxoffice.axon.kinesis.PublishStatus;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publisher meters: {@code boxoffice.kinesis.publish.lag.events}, {@code boxoffice.kinesis.publish.lag.seconds}
 * (NaN while unknown), {@code boxoffice.kinesis.publish.records} and {@code boxoffice.kinesis.publish.failures}
 * (failed PutRecords attempts), all tagged with the stream.
 */
public final class KinesisPublishMetrics implements MeterBinder {

    private final String streamName;
    private final PublishLag lag;
    private final PublishStatus status;

    public KinesisPublishMetrics(String streamName, PublishLag lag, PublishStatus status) {
        this.streamName = streamName;
        this.lag = lag;
        this.status = status;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("boxoffice.kinesis.publish.lag.events", lag, l -> l.eventsBehind().stream()
                        .mapToDouble(v -> v).findFirst().orElse(Double.NaN))
                .description("Events in the event store not yet accepted by Kinesis")
                .tag("stream", streamName).register(registry);
        Gauge.builder("boxoffice.kinesis.publish.lag.seconds", lag, l -> l.secondsBehind().orElse(Double.NaN))
                .description("Age of the oldest event not yet accepted by Kinesis")
                .baseUnit("seconds").tag("stream", streamName).register(registry);
        FunctionCounter.builder("boxoffice.kinesis.publish.records", status, PublishStatus::publishedRecords)
                .description("Records accepted by Kinesis").tag("stream", streamName).register(registry);
        FunctionCounter.builder("boxoffice.kinesis.publish.failures", status, PublishStatus::failedAttempts)
                .description("PutRecords attempts that failed in whole or in part").tag("stream", streamName)
                .register(registry);
    }
}
