package com.boxoffice.kernel.commands;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command gateway of {@link CommandGatewayAutoConfiguration}: conflicts are retried, refusals are not. */
class ConflictRetryingGatewayTest {

    record Probe(String id) {
    }

    /** A domain refusal, as a context would throw it (sold out, say). */
    static final class Refused extends RuntimeException {
        Refused() {
            super("refused by the aggregate");
        }
    }

    private final CommandGatewayAutoConfiguration configuration = new CommandGatewayAutoConfiguration();
    private final ConflictRetryThreads threads = configuration.conflictRetryThreads();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void stop() {
        threads.close();
    }

    private CommandGateway gateway(int maxRetries) {
        return configuration.commandGateway(bus, threads, new CommandProperties(
                new CommandProperties.ConflictRetry(maxRetries, Duration.ofMillis(2), Duration.ofMillis(20))));
    }

    private void handle(java.util.function.IntFunction<Object> attempt) {
        bus.subscribe(Probe.class.getName(), (CommandMessage<?> command) -> attempt.apply(attempts.incrementAndGet()));
    }

    @Test
    void aConflictIsRetriedOnTheNewStateUntilItSucceeds() {
        handle(attempt -> {
            if (attempt <= 3) {
                throw new ConcurrencyException("An event for aggregate [c] at sequence [" + attempt + "] was already inserted");
            }
            return "stored on attempt " + attempt;
        });

        Object result = gateway(5).sendAndWait(new Probe("p"), 5, TimeUnit.SECONDS);

        assertThat(result).isEqualTo("stored on attempt 4");
    }

    @Test
    void aConflictWrappedByTheStorageEngineIsRetriedToo() {
        handle(attempt -> {
            if (attempt == 1) {
                throw new IllegalStateException("commit failed", new ConcurrencyException("sequence taken"));
            }
            return "ok";
        });

        assertThat((Object) gateway(5).sendAndWait(new Probe("p"), 5, TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aRefusalIsAnsweredAtOnce() {
        handle(attempt -> {
            throw new Refused();
        });

        assertThatThrownBy(() -> gateway(5).sendAndWait(new Probe("p"), 5, TimeUnit.SECONDS))
                .isInstanceOf(Refused.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void theConflictIsReportedOnceTheRetriesAreUsedUp() {
        handle(attempt -> {
            throw new ConcurrencyException("conflict " + attempt);
        });

        assertThatThrownBy(() -> gateway(2).sendAndWait(new Probe("p"), 5, TimeUnit.SECONDS))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(3);
    }
}
