package com.boxoffice.axon.dynamodb.streaming;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The streams tell of new events: committed through this event store, and appended to the storage by someone else
 * (another instance), which the store finds at its next poll.
 */
class NotifyingEmbeddedEventStoreTest {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final NotifyingEmbeddedEventStore store = new NotifyingEmbeddedEventStore(EmbeddedEventStore.builder()
            .storageEngine(storage).fetchDelay(200));

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void aStreamOffersAvailabilityCallbacks() {
        try (TrackingEventStream stream = store.openStream(null)) {
            assertThat(stream.setOnAvailableCallback(() -> { })).isTrue();
        }
    }

    @Test
    void theCallbackRunsWhenAnEventIsCommittedAndTheEventIsThenAvailable() {
        AtomicBoolean availableWhenCalled = new AtomicBoolean();
        AtomicInteger calls = new AtomicInteger();
        try (TrackingEventStream stream = store.openStream(store.createHeadToken())) {
            stream.setOnAvailableCallback(() -> {
                availableWhenCalled.set(stream.hasNextAvailable());
                calls.incrementAndGet();
            });
            store.publish(event("a-1", 0));

            await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() > 0);
            assertThat(availableWhenCalled).isTrue();
        }
    }

    @Test
    void theCallbackRunsForEventsAnotherInstanceAppended() {
        AtomicInteger calls = new AtomicInteger();
        try (TrackingEventStream stream = store.openStream(store.createHeadToken())) {
            stream.setOnAvailableCallback(calls::incrementAndGet);
            storage.appendEvents(event("b-1", 0));

            await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() > 0);
        }
    }

    @Test
    void aClosedStreamsCallbackRunsNoMore() {
        AtomicInteger closedCalls = new AtomicInteger();
        AtomicInteger openCalls = new AtomicInteger();
        try (TrackingEventStream open = store.openStream(store.createHeadToken())) {
            open.setOnAvailableCallback(openCalls::incrementAndGet);
            TrackingEventStream closed = store.openStream(store.createHeadToken());
            closed.setOnAvailableCallback(closedCalls::incrementAndGet);
            closed.close();

            store.publish(event("c-1", 0));
            await().atMost(Duration.ofSeconds(10)).until(() -> openCalls.get() > 0);
            assertThat(closedCalls).hasValue(0);
        }
    }

    @Test
    void aReplacedCallbackRunsNoMore() {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        try (TrackingEventStream stream = store.openStream(store.createHeadToken())) {
            stream.setOnAvailableCallback(first::incrementAndGet);
            stream.setOnAvailableCallback(second::incrementAndGet);
            store.publish(event("d-1", 0));

            await().atMost(Duration.ofSeconds(10)).until(() -> second.get() > 0);
            assertThat(first).hasValue(0);
        }
    }

    private static GenericDomainEventMessage<String> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Test", aggregateId, sequence, "payload-" + aggregateId);
    }
}
