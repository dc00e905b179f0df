package com.boxoffice.cart.process;

import com.boxoffice.cart.api.CartException;
import com.boxoffice.ticketing.api.TicketingException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.AxonTransientException;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Tells a business refusal from a technical failure. A refusal is a decision of the receiving aggregate that will not
 * change by retrying (sold out, cancelled, an unknown concert); anything else (a lost optimistic-locking race after the
 * gateway's own retries, a timeout, DynamoDB throttling) may succeed later and must be retried.
 * <p>
 * On this application's local command bus a handler's exception arrives as itself, inside the future's
 * {@link ExecutionException} or {@link CompletionException}, or inside a {@link CommandExecutionException} when a
 * component wrapped it; the whole cause chain is searched. A distributed bus (Axon Server) does not carry the
 * exception's class across: there ticketing would have to throw a {@link CommandExecutionException} whose details
 * name the refusal, and this class would read them. Until then a refusal arriving that way would count as technical
 * and be retried without end: a distributed deployment needs that change first.
 */
final class Refusals {

    private Refusals() {
    }

    /** The refusal's reason, or empty when the failure is technical. */
    static Optional<String> reasonOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TicketingException || cause instanceof CartException) {
                return Optional.of(cause.getMessage());
            }
            if (cause instanceof AggregateNotFoundException notFound) {
                // Only a concert can be missing here: the process sends ticketing commands to the lines' concerts.
                return Optional.of("No concert with id " + notFound.getAggregateIdentifier());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * The technical failure of a step, to be retried: the failure itself when it is transient already (Axon's
     * transient exceptions, such as a lost optimistic-locking race), else wrapped in a (transient)
     * {@link CheckoutStepFailedException} that names the command; unwrapped from the future's wrappers first. Being
     * transient is what makes the processor retry it rather than park the event in the dead-letter queue: a command
     * that failed technically may succeed later.
     */
    static RuntimeException technical(String command, Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof AxonTransientException transientFailure ? transientFailure
                : new CheckoutStepFailedException(command + " failed: " + cause.getMessage(), cause);
    }
}
