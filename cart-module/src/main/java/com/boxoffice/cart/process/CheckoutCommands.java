package com.boxoffice.cart.process;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the checkout process sends a command: each in a unit of work of its own, answered once its events are stored.
 * <p>
 * Why a separate thread: a command dispatched on the event processor's thread runs in a unit of work nested in the
 * processor's, and Axon then stores its events only when the processor's unit of work commits. The process could not
 * know whether a reservation is stored before it takes the next step, an optimistic-locking conflict on a hot concert
 * would surface at the processor's commit (past the command gateway's conflict retries), and one failed append would
 * roll back every step of the batch. Dispatched from the {@code dispatcher}'s thread, the command is a root unit of
 * work of its own. The message is created on the caller's thread, so it still carries the handled event's correlation
 * data (trace and correlation ids): the tracing of a request follows the checkout into ticketing.
 */
public final class CheckoutCommands {

    private final CommandGateway gateway;
    private final Executor dispatcher;
    private final Duration timeout;

    /**
     * @param dispatcher runs each dispatch; a thread with no unit of work (a direct executor in unit tests)
     * @param timeout    how long a step waits for its answer before the processor retries the event
     */
    public CheckoutCommands(CommandGateway gateway, Executor dispatcher, Duration timeout) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Sends the command and waits for its answer.
     *
     * @return done with the handler's result, or refused with the receiving aggregate's reason
     * @throws RuntimeException a technical failure, to be retried: transient (an {@code AxonTransientException}, or a
     *                          {@link CheckoutStepFailedException} around the handler's own exception)
     */
    public <R> Outcome<R> attempt(Object command) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        try {
            CompletableFuture<R> answer = CompletableFuture
                    .supplyAsync(() -> gateway.<R>send(message), dispatcher)
                    .thenCompose(future -> future);
            return new Outcome.Done<>(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            Optional<String> refusal = Refusals.reasonOf(e.getCause());
            if (refusal.isPresent()) {
                return new Outcome.Refused<>(refusal.get());
            }
            throw Refusals.technical(message.getPayloadType().getSimpleName(), e.getCause());
        } catch (TimeoutException e) {
            throw new CheckoutStepFailedException(message.getPayloadType().getSimpleName() + " did not answer within "
                    + timeout.toMillis() + " ms; the event is handled again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckoutStepFailedException("Interrupted while waiting for " + message.getPayloadType().getSimpleName(), e);
        }
    }
}
