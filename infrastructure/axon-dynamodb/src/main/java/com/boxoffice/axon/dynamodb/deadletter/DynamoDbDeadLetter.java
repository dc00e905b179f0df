package com.boxoffice.axon.dynamodb.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A letter as {@link DynamoDbSequencedDeadLetterQueue} stores it: besides what every {@link DeadLetter} has, the
 * sequence it is in and its index there (its place in the sequence, assigned on enqueue, never reused). Evicting or
 * requeuing a letter finds it by these two and checks its message identifier.
 * <p>
 * Immutable; {@link #markTouched()}, {@link #withCause} and {@link #withDiagnostics} answer copies. Times come from
 * Axon's {@link GenericDeadLetter#clock}, as those of Axon's own letters do.
 *
 * @param <M> the message type
 */
public final class DynamoDbDeadLetter<M extends EventMessage<?>> implements DeadLetter<M> {

    private final String sequenceIdentifier;
    private final long index;
    private final M message;
    private final Cause cause;
    private final Instant enqueuedAt;
    private final Instant lastTouched;
    private final MetaData diagnostics;

    /**
     * @param sequenceIdentifier the sequence, as the queue names it (the enqueued identifier's {@code toString()})
     * @param index              the letter's place in the sequence
     * @param cause              may be {@code null}
     */
    public DynamoDbDeadLetter(String sequenceIdentifier, long index, M message, Cause cause, Instant enqueuedAt,
                              Instant lastTouched, MetaData diagnostics) {
        this.sequenceIdentifier = Objects.requireNonNull(sequenceIdentifier, "sequenceIdentifier");
        this.index = index;
        this.message = Objects.requireNonNull(message, "message");
        this.cause = cause;
        this.enqueuedAt = Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        this.lastTouched = Objects.requireNonNull(lastTouched, "lastTouched");
        this.diagnostics = diagnostics == null ? MetaData.emptyInstance() : diagnostics;
    }

    public String sequenceIdentifier() {
        return sequenceIdentifier;
    }

    public long index() {
        return index;
    }

    @Override
    public M message() {
        return message;
    }

    @Override
    public Optional<Cause> cause() {
        return Optional.ofNullable(cause);
    }

    @Override
    public Instant enqueuedAt() {
        return enqueuedAt;
    }

    @Override
    public Instant lastTouched() {
        return lastTouched;
    }

    @Override
    public MetaData diagnostics() {
        return diagnostics;
    }

    @Override
    public DynamoDbDeadLetter<M> markTouched() {
        return new DynamoDbDeadLetter<>(sequenceIdentifier, index, message, cause, enqueuedAt,
                GenericDeadLetter.clock.instant(), diagnostics);
    }

    /** A copy with this cause; {@code null} keeps the present one. Like Axon's letters, this touches the letter. */
    @Override
    public DynamoDbDeadLetter<M> withCause(Throwable requeueCause) {
        return new DynamoDbDeadLetter<>(sequenceIdentifier, index, message,
                requeueCause == null ? cause : ThrowableCause.asCause(requeueCause), enqueuedAt,
                GenericDeadLetter.clock.instant(), diagnostics);
    }

    @Override
    public DynamoDbDeadLetter<M> withDiagnostics(MetaData diagnostics) {
        return new DynamoDbDeadLetter<>(sequenceIdentifier, index, message, cause, enqueuedAt, lastTouched, diagnostics);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DynamoDbDeadLetter<?> that)) {
            return false;
        }
        return index == that.index && sequenceIdentifier.equals(that.sequenceIdentifier)
                && message.getIdentifier().equals(that.message.getIdentifier())
                && Objects.equals(cause, that.cause) && enqueuedAt.equals(that.enqueuedAt)
                && lastTouched.equals(that.lastTouched) && diagnostics.equals(that.diagnostics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequenceIdentifier, index, message.getIdentifier());
    }

    @Override
    public String toString() {
        return "DynamoDbDeadLetter{sequence='" + sequenceIdentifier + "', index=" + index + ", message="
                + message.getIdentifier() + " (" + message.getPayloadType().getName() + "), cause=" + cause
                + ", enqueuedAt=" + enqueuedAt + ", lastTouched=" + lastTouched + ", diagnostics=" + diagnostics + '}';
    }
}
