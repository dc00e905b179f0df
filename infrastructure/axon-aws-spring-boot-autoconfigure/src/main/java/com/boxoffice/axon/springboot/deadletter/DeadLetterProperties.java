package com.boxoffice.axon.springboot.deadletter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * The DynamoDB dead-letter queues of the processing groups an application opts in (see
 * {@link DeadLetteringProcessors}). On by default wherever the DynamoDB token store is Axon's token store.
 *
 * @param enabled         switches dead-lettering off for every group: their handlers' errors then propagate and the
 *                        processor retries the event until it succeeds (the behaviour without a queue)
 * @param table           the table of all groups' letters, after {@code boxoffice.dynamodb.table-prefix}
 * @param maxSequences    most sequences (aggregates) one group may park; one more overflows, and its processor then
 *                        retries that event until an operator makes room
 * @param maxSequenceSize most letters one sequence may hold
 * @param claimDuration   how long a retry's claim on a sequence holds without progress
 * @param groups          per processing group: overrides of the above
 * @param metrics         the {@code boxoffice.dead.letters} gauge
 */
@ConfigurationProperties("boxoffice.dead-letter")
public record DeadLetterProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("dead-letters") String table,
        @DefaultValue("1024") int maxSequences,
        @DefaultValue("1024") int maxSequenceSize,
        @DefaultValue("30s") Duration claimDuration,
        Map<String, Group> groups,
        @DefaultValue Metrics metrics) {

    public DeadLetterProperties {
        groups = groups == null ? Map.of() : Map.copyOf(groups);
    }

    /**
     * @param enabled         {@code false}: this group's errors propagate, as without a queue
     * @param maxSequences    unset: the global value
     * @param maxSequenceSize unset: the global value
     */
    public record Group(Boolean enabled, Integer maxSequences, Integer maxSequenceSize) {
    }

    /** @param enabled {@code false}: no gauge */
    public record Metrics(@DefaultValue("true") boolean enabled) {
    }

    public boolean enabledFor(String group) {
        Group overrides = groups.get(group);
        return enabled && (overrides == null || overrides.enabled() == null || overrides.enabled());
    }

    public int maxSequencesOf(String group) {
        Group overrides = groups.get(group);
        return overrides == null || overrides.maxSequences() == null ? maxSequences : overrides.maxSequences();
    }

    public int maxSequenceSizeOf(String group) {
        Group overrides = groups.get(group);
        return overrides == null || overrides.maxSequenceSize() == null ? maxSequenceSize : overrides.maxSequenceSize();
    }
}
