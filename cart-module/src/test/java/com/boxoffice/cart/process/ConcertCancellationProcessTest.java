package com.boxoffice.cart.process;

import com.boxoffice.cart.api.CancelOrder;
import com.boxoffice.ticketing.api.ConcertCancelled;
import com.boxoffice.ticketing.api.TicketsAllocated;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class ConcertCancellationProcessTest {

    private static final UUID CONCERT = UUID.randomUUID();
    private static final UUID OTHER_CONCERT = UUID.randomUUID();

    private final InMemoryConcertOrders concertOrders = new InMemoryConcertOrders();
    private final RecordingCommandGateway gateway = new RecordingCommandGateway();
    private final ConcertCancellationProcess process = new ConcertCancellationProcess(concertOrders,
            new CheckoutCommands(gateway, Runnable::run, Duration.ofSeconds(5)));

    @Test
    void voidsEveryOrderThatReservedTheCancelledConcertAndNoOther() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        gateway.answer(CancelOrder.class, cancel -> CompletableFuture.completedFuture(null));
        process.on(new TicketsAllocated(CONCERT, 2, 8, List.of(first, second)));
        process.on(new TicketsAllocated(OTHER_CONCERT, 1, 9, List.of(elsewhere)));

        process.on(new ConcertCancelled(CONCERT));

        String reason = "Concert " + CONCERT + " is cancelled";
        assertThat(gateway.payloads()).containsExactlyInAnyOrder(new CancelOrder(first, reason), new CancelOrder(second, reason));
    }

    @Test
    void aRedeliveredAllocationIndexesItsOrdersOnce() {
        UUID order = UUID.randomUUID();
        gateway.answer(CancelOrder.class, cancel -> CompletableFuture.completedFuture(null));
        TicketsAllocated allocated = new TicketsAllocated(CONCERT, 1, 9, List.of(order));
        process.on(allocated);
        process.on(allocated);

        process.on(new ConcertCancelled(CONCERT));

        assertThat(gateway.payloads()).containsExactly(new CancelOrder(order, "Concert " + CONCERT + " is cancelled"));
    }

    @Test
    void aCancelledConcertWithoutReservationsSendsNothing() {
        process.on(new ConcertCancelled(CONCERT));

        assertThat(gateway.payloads()).isEmpty();
    }

    private static final class InMemoryConcertOrders implements ConcertOrders {

        private final Map<UUID, Set<UUID>> orders = new ConcurrentHashMap<>();

        @Override
        public void add(UUID concertId, List<UUID> added) {
            orders.computeIfAbsent(concertId, id -> new LinkedHashSet<>()).addAll(added);
        }

        @Override
        public List<UUID> of(UUID concertId) {
            return new ArrayList<>(orders.getOrDefault(concertId, Set.of()));
        }
    }
}
