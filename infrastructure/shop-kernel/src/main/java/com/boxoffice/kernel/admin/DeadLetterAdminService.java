package com.boxoffice.kernel.admin;

import com.boxoffice.axon.dynamodb.deadletter.DeadLetterCounts;
import com.boxoffice.axon.dynamodb.deadletter.DynamoDbDeadLetter;
import com.boxoffice.axon.dynamodb.deadletter.DynamoDbSequencedDeadLetterQueue;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dead letters of this application's processing groups for operators: what is parked and why, a retry of a group
 * or of one sequence (through Axon's dead-letter processor, so the group's own handlers, interceptors and enqueue
 * policy run the letters, in order), and the eviction of a sequence that will never succeed.
 * <p>
 * A retry claims each sequence, so two instances retrying at once never handle one sequence twice; a sequence
 * another instance is retrying stays {@code PARKED} here. A letter that fails again goes back to its place with the
 * new cause. Listing reads each shown sequence's letters (at most {@code limit} sequences).
 */
public class DeadLetterAdminService {

    static final String DRAINED = "DRAINED";
    static final String PARKED = "PARKED";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdminService.class);

    private final EventProcessingConfiguration processing;

    public DeadLetterAdminService(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Every processing group that has a dead-letter queue, by name. */
    public List<DeadLetterGroupView> list(int limit) {
        return processing.eventProcessors().keySet().stream().sorted()
                .filter(group -> processing.deadLetterQueue(group).isPresent())
                .map(group -> group(group, limit))
                .toList();
    }

    public DeadLetterGroupView group(String group, int limit) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        DeadLetterCounts counts = counts(queue);
        List<DeadLetterSequenceView> shown = new ArrayList<>();
        Iterator<Iterable<DeadLetter<? extends EventMessage<?>>>> sequences = queue.deadLetters().iterator();
        while (shown.size() < limit && sequences.hasNext()) {
            sequence(sequences.next()).ifPresent(shown::add);
        }
        return new DeadLetterGroupView(group, counts.letters(), counts.sequences(), shown, sequences.hasNext());
    }

    /** Retries every sequence parked now, each once, oldest first as listed. */
    public DeadLetterRetry retryAll(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<String> sequenceIds = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            Iterator<DeadLetter<? extends EventMessage<?>>> letters = sequence.iterator();
            if (letters.hasNext()) {
                sequenceIds.add(sequenceId(letters.next()));
            }
        }
        log.warn("Retrying the {} parked sequences of {}", sequenceIds.size(), group);
        List<DeadLetterRetry.Sequence> outcomes = sequenceIds.stream().map(id -> retryOne(group, queue, id)).toList();
        return DeadLetterRetry.of(group, outcomes);
    }

    public DeadLetterRetry retry(String group, String sequenceId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        if (!queue.contains(sequenceId)) {
            throw new UnknownDeadLetterSequenceException(group, sequenceId);
        }
        log.warn("Retrying parked sequence '{}' of {}", sequenceId, group);
        return DeadLetterRetry.of(group, List.of(retryOne(group, queue, sequenceId)));
    }

    /** Drops every letter of the sequence: its events will not be handled by this group (unless it replays). */
    public int evict(String group, String sequenceId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequenceId).forEach(letters::add);
        if (letters.isEmpty()) {
            throw new UnknownDeadLetterSequenceException(group, sequenceId);
        }
        log.warn("Evicting the {} parked events of sequence '{}' of {}: they will not be handled", letters.size(),
                sequenceId, group);
        letters.forEach(queue::evict);
        return letters.size();
    }

    private DeadLetterRetry.Sequence retryOne(String group, SequencedDeadLetterQueue<EventMessage<?>> queue, String sequenceId) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new UnknownDeadLetterQueueException(group));
        boolean drained = processor.process(DynamoDbSequencedDeadLetterQueue.sequence(sequenceId));
        long remaining = queue.sequenceSize(sequenceId);
        if (drained || remaining == 0) {
            return new DeadLetterRetry.Sequence(sequenceId, DRAINED, 0, null);
        }
        Iterator<DeadLetter<? extends EventMessage<?>>> letters = queue.deadLetterSequence(sequenceId).iterator();
        return new DeadLetterRetry.Sequence(sequenceId, PARKED, remaining, letters.hasNext() ? view(letters.next()) : null);
    }

    private java.util.Optional<DeadLetterSequenceView> sequence(Iterable<DeadLetter<? extends EventMessage<?>>> sequence) {
        DeadLetter<? extends EventMessage<?>> first = null;
        DeadLetter<? extends EventMessage<?>> last = null;
        long count = 0;
        for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
            if (first == null) {
                first = letter;
            }
            last = letter;
            count++;
        }
        if (first == null) {
            return java.util.Optional.empty(); // drained between listing and reading
        }
        return java.util.Optional.of(new DeadLetterSequenceView(sequenceId(first), count, view(first), view(last)));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group).orElseThrow(() -> new UnknownDeadLetterQueueException(group));
    }

    private static DeadLetterCounts counts(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        return queue instanceof DynamoDbSequencedDeadLetterQueue<?> dynamoDb ? dynamoDb.counts()
                : new DeadLetterCounts(queue.size(), queue.amountOfSequences());
    }

    static String sequenceId(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof DynamoDbDeadLetter<?> own) {
            return own.sequenceIdentifier();
        }
        if (letter instanceof GenericDeadLetter<?> generic) {
            return String.valueOf(generic.getSequenceIdentifier());
        }
        return letter.message() instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : letter.message().getIdentifier();
    }

    static DeadLetterView view(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        Map<String, Object> diagnostics = new LinkedHashMap<>(letter.diagnostics());
        return new DeadLetterView(message.getIdentifier(), payloadType(message),
                domain == null ? null : domain.getType(), domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), message.getTimestamp(),
                letter.cause().map(cause -> cause.type()).orElse(null),
                letter.cause().map(cause -> cause.message()).orElse(null),
                letter.enqueuedAt(), letter.lastTouched(), diagnostics);
    }

    private static String payloadType(EventMessage<?> message) {
        try {
            return message.getPayloadType().getName();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }
}
