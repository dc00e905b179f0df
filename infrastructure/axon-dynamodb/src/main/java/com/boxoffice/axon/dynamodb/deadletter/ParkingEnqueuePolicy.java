package com.boxoffice.axon.dynamodb.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

import java.util.function.Predicate;

/**
 * Parks what cannot succeed and retries what may: an event whose handler failed permanently is dead-lettered (and the
 * events of its sequence queue up behind it, while other sequences flow on); a transient failure
 * ({@link TransientFailures}) is rethrown, so the event processor fails the batch, backs off and retries it, exactly
 * as without a dead-letter queue, and nothing is parked for a throttled table.
 * <p>
 * A letter that is already in a {@link DynamoDbSequencedDeadLetterQueue} (an operator's retry) and fails transiently
 * again is requeued with the new cause instead: it stays parked, in its place, for the next retry.
 * <p>
 * Parked letters carry diagnostics: the processing group, the exception's class, and how often it was retried
 * ({@value #RETRIES}, counting from 0 at the first park).
 */
public final class ParkingEnqueuePolicy implements EnqueuePolicy<EventMessage<?>> {

    public static final String PROCESSING_GROUP = "processingGroup";
    public static final String EXCEPTION = "exception";
    public static final String RETRIES = "retries";

    private final String processingGroup;
    private final Predicate<Throwable> transientFailure;

    public ParkingEnqueuePolicy(String processingGroup) {
        this(processingGroup, TransientFailures::isTransient);
    }

    /** @param transientFailure decides which failures are retried rather than parked */
    public ParkingEnqueuePolicy(String processingGroup, Predicate<Throwable> transientFailure) {
        this.processingGroup = processingGroup;
        this.transientFailure = transientFailure;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        boolean parkedAlready = letter instanceof DynamoDbDeadLetter<?>;
        if (transientFailure.test(cause) && !parkedAlready) {
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
        ThrowableCause truncated = ThrowableCause.truncated(cause);
        return Decisions.requeue(truncated, parked -> diagnostics(parked, cause, parkedAlready));
    }

    private MetaData diagnostics(DeadLetter<? extends EventMessage<?>> letter, Throwable cause, boolean parkedAlready) {
        Object previous = letter.diagnostics().get(RETRIES);
        long retries = parkedAlready ? (previous instanceof Number number ? number.longValue() + 1 : 1) : 0;
        return letter.diagnostics().and(PROCESSING_GROUP, processingGroup)
                .and(EXCEPTION, cause.getClass().getName())
                .and(RETRIES, retries);
    }
}
