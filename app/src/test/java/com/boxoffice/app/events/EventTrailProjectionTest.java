package com.boxoffice.app.events;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The trail's projection: a unit of work's entries are stored together at its commit; oversized payloads are named. */
class EventTrailProjectionTest {

    record Shown(String text) {
    }

    private final List<List<EventTrail.Recorded>> stored = new ArrayList<>();
    private final EventTrail trail = new EventTrail() {
        @Override
        public void recordAll(List<EventTrail.Recorded> entries) {
            stored.add(List.copyOf(entries));
        }

        @Override
        public List<EventEntry> ofRequest(String requestId, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<EventEntry> ofType(String type, int limit) {
            throw new UnsupportedOperationException();
        }
    };
    private final EventTrailProjection projection = new EventTrailProjection(trail, JsonMapper.builder().build());

    @Test
    void theEntriesOfOneUnitOfWorkAreStoredTogetherWhenItCommits() {
        var first = new GenericDomainEventMessage<>("Cart", "cart-1", 0, new Shown("a"));
        var second = new GenericDomainEventMessage<>("Cart", "cart-1", 1, new Shown("b"));
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(first);

        unitOfWork.execute(() -> {
            projection.on(first.getPayload(), first);
            projection.on(second.getPayload(), second);
            assertThat(stored).as("nothing before the commit").isEmpty();
        });

        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).extracting(recorded -> recorded.entry().sequence()).containsExactly(0L, 1L);
    }

    @Test
    void aRolledBackUnitOfWorkStoresNothing() {
        var event = new GenericDomainEventMessage<>("Cart", "cart-2", 0, new Shown("a"));
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(event);

        unitOfWork.executeWithResult(() -> {
            projection.on(event.getPayload(), event);
            throw new IllegalStateException("a later handler of the batch failed");
        });

        assertThat(stored).isEmpty();
    }

    @Test
    void aPayloadTooLargeForTheTrailIsNamedInsteadOfShown() {
        var event = GenericEventMessage.asEventMessage(new Shown("x".repeat(EventTrailProjection.MAX_PAYLOAD_CHARS)));

        projection.on(event.getPayload(), event);

        String shown = stored.get(0).get(0).entry().payloadJson();
        assertThat(shown).contains("\"tooLargeToShow\":\"" + Shown.class.getName() + "\"")
                .contains("\"characters\":" + (EventTrailProjection.MAX_PAYLOAD_CHARS + 11)).hasSizeLessThan(300);
    }
}
