package com.boxoffice.axon.kinesis;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;

/**
 * Configures the publisher's processing group as a pooled streaming processor on the event store.
 * <p>
 * A failure must never skip an event, so both error handlers propagate: the unit of work rolls back, the token stays,
 * and the processor retries the batch from its token. Sequencing stays Axon's default (per aggregate), so one
 * aggregate's events are always handled by one segment, in order.
 */
public final class KinesisPublisherProcessor {

    private KinesisPublisherProcessor() {
    }

    /**
     * @param batchSize events per unit of work (so per flush; a flush sends at most 500 records a request)
     * @param segments  initial segment count; more segments publish in parallel, one aggregate stays in one
     */
    public static void configure(EventProcessingConfigurer processing, int batchSize, int segments) {
        processing.registerPooledStreamingEventProcessor(KinesisPublisher.PROCESSING_GROUP, Configuration::eventStore,
                        (configuration, builder) -> builder.batchSize(batchSize).initialSegmentCount(segments))
                .registerListenerInvocationErrorHandler(KinesisPublisher.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance())
                .registerErrorHandler(KinesisPublisher.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
