package com.boxoffice.axon.springboot.deadletter;

import com.boxoffice.axon.dynamodb.deadletter.DeadLetterCounts;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code deadLetters} health: UP, always, with what each processing group has parked ({@code letters},
 * {@code sequences}). Parked events are for an operator to look at ({@code GET /api/admin/dead-letters}), not a reason
 * to take the instance out of a load balancer: the processors go on with everything else. A group whose counts cannot
 * be read shows the error instead. One {@code GetItem} per group.
 */
public final class DeadLettersHealthIndicator extends AbstractHealthIndicator {

    private final DynamoDbDeadLetterQueues queues;

    public DeadLettersHealthIndicator(DynamoDbDeadLetterQueues queues) {
        super("Dead-letter health check failed");
        this.queues = queues;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> groups = new LinkedHashMap<>();
        long parked = 0;
        for (var entry : queues.queues().entrySet()) {
            try {
                DeadLetterCounts counts = entry.getValue().counts();
                groups.put(entry.getKey(), Map.of("letters", counts.letters(), "sequences", counts.sequences()));
                parked += counts.letters();
            } catch (RuntimeException e) {
                groups.put(entry.getKey(), Map.of("error", e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        builder.up().withDetail("table", queues.table()).withDetail("parked", parked).withDetail("groups", groups);
    }
}
