package com.boxoffice.axon.springboot.deadletter;

import com.boxoffice.axon.dynamodb.deadletter.ParkingEnqueuePolicy;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;

import java.util.List;

/**
 * "A pooled streaming processor with dead letters", for a context's processing groups: each group gets a pooled
 * streaming processor of its own and, where dead-lettering is on ({@code boxoffice.dead-letter.*}), its DynamoDB
 * dead-letter queue and the {@link ParkingEnqueuePolicy}: an event whose handler fails permanently is parked, the later
 * events of its aggregate queue up behind it, every other aggregate flows on, and a transient failure (throttling, an
 * unavailable store) is retried by the processor with back-off as before. Where it is off (no DynamoDB token store,
 * switched off, or off for that group), handler errors propagate: the processor retries the failed event until it
 * succeeds, and never skips it.
 * <p>
 * Handlers must be idempotent either way: a retried batch, and a retried dead letter, deliver events again.
 * <p>
 * Cost: with a queue, each event costs one strongly consistent read of its sequence in the queue (is its aggregate
 * parked?), except where Axon's sequence identifier cache (switched on here) already knows the aggregate is not: a
 * segment that started with an empty queue reads nothing until it parks something.
 */
public final class DeadLetteringProcessors {

    private final DynamoDbDeadLetterQueues queues;

    /** @param queues {@code null} when dead-lettering is off */
    public DeadLetteringProcessors(DynamoDbDeadLetterQueues queues) {
        this.queues = queues;
    }

    /** The Axon configuration of these groups' processors, to return from a {@code ConfigurerModule} bean. */
    public ConfigurerModule pooled(String... processingGroups) {
        List<String> groups = List.of(processingGroups);
        return configurer -> configurer.eventProcessing(processing -> groups.forEach(group -> register(processing, group)));
    }

    /** Registers one group's processor and, where on, its dead-letter queue and policy. */
    public void register(EventProcessingConfigurer processing, String group) {
        processing.registerPooledStreamingEventProcessor(group);
        if (deadLettering(group)) {
            var queue = queues.forGroup(group);
            processing.registerDeadLetterQueue(group, configuration -> queue)
                    .registerDeadLetterPolicy(group, configuration -> new ParkingEnqueuePolicy(group))
                    // Remembers per segment which aggregates are not parked, so that a healthy group does not read
                    // the queue for every event: only this segment's owner parks its events.
                    .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                            (configuration, invoker) -> invoker.enableSequenceIdentifierCache());
        } else {
            processing.registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance());
        }
    }

    public boolean deadLettering(String group) {
        return queues != null && queues.enabledFor(group);
    }
}
