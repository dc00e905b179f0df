package com.boxoffice.ticketing.domain;

import com.boxoffice.ticketing.api.CancelConcert;
import com.boxoffice.ticketing.api.ConcertCancelledException;
import com.boxoffice.ticketing.api.ConfirmReservation;
import com.boxoffice.ticketing.api.InvalidReservationException;
import com.boxoffice.ticketing.api.ReleaseReservation;
import com.boxoffice.ticketing.api.Reservation;
import com.boxoffice.ticketing.api.ReservationConfirmed;
import com.boxoffice.ticketing.api.ReservationIds;
import com.boxoffice.ticketing.api.ReservationMismatchException;
import com.boxoffice.ticketing.api.ReservationReleased;
import com.boxoffice.ticketing.api.ReservationReleasedException;
import com.boxoffice.ticketing.api.ReserveTickets;
import com.boxoffice.ticketing.api.SalesClosedException;
import com.boxoffice.ticketing.api.ScheduleConcert;
import com.boxoffice.ticketing.api.TicketsAllocated;
import com.boxoffice.ticketing.api.TicketsReserved;
import com.boxoffice.ticketing.api.TicketsReturned;
import com.boxoffice.ticketing.api.TicketsSoldOutException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every path of a reservation and a release, through the desk as Axon runs it (command bus, both aggregates, the
 * concert's cache, an in-memory event store): what the sender is answered and which events are stored, in which
 * aggregate's stream.
 */
class ReservationDeskTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant STARTS_AT = Instant.parse("2026-09-12T19:30:00Z");
    private static final BigDecimal PRICE = new BigDecimal("45.00");

    private final UUID concertId = UUID.randomUUID();
    private final UUID order = UUID.randomUUID();
    private final UUID otherOrder = UUID.randomUUID();
    private final WeakReferenceCache cache = new WeakReferenceCache();
    private Configuration axon;
    private ReservationDesk desk;
    private ReservationBatches batches;
    private CommandGateway gateway;

    @BeforeEach
    void start() {
        AtomicReference<Configuration> configuration = new AtomicReference<>();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        batches = new ReservationBatches(() -> configuration.get().repository(Concert.class),
                () -> configuration.get().repository(TicketHold.class), () -> configuration.get().eventStore(), cache, clock, 5);
        desk = new ReservationDesk(batches, 90, Duration.ofSeconds(30));
        axon = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> Jackson3Serializer.builder().build())
                .configureEmbeddedEventStore(c -> new UniqueSequenceEventStorageEngine())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Concert.class).configureCache(c -> cache))
                .configureAggregate(TicketHold.class)
                .registerComponent(Clock.class, c -> clock)
                .registerCommandHandler(c -> desk)
                .buildConfiguration();
        configuration.set(axon);
        axon.start();
        gateway = axon.commandGateway();
    }

    @AfterEach
    void stop() {
        desk.close();
        axon.shutdown();
    }

    private void schedule(int capacity, Instant startsAt) {
        gateway.sendAndWait(new ScheduleConcert(concertId, "Nils Frahm", "Elbphilharmonie", startsAt, capacity, PRICE));
    }

    private Reservation reserve(UUID orderId, int quantity) {
        return gateway.sendAndWait(new ReserveTickets(concertId, orderId, quantity));
    }

    private void release(UUID orderId, String reason) {
        gateway.sendAndWait(new ReleaseReservation(concertId, orderId, reason));
    }

    private List<Object> concertEvents() {
        return axon.eventStore().readEvents(concertId.toString()).asStream().map(EventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    private List<Object> holdEvents(UUID orderId) {
        return axon.eventStore().readEvents(ReservationIds.of(concertId, orderId)).asStream().map(EventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    @Test
    void reservesInTheOrdersHoldAndCountsInTheConcert() {
        schedule(10, STARTS_AT);

        assertThat(reserve(order, 3)).isEqualTo(new Reservation(concertId, order, 3, PRICE));

        assertThat(holdEvents(order)).containsExactly(new TicketsReserved(concertId, order, 3, PRICE));
        assertThat(concertEvents()).endsWith(new TicketsAllocated(concertId, 3, 7, List.of(order)));
    }

    @Test
    void reservesTheLastTicketsAndRefusesOneMore() {
        schedule(10, STARTS_AT);
        reserve(otherOrder, 7);

        reserve(order, 3);

        assertThatThrownBy(() -> reserve(UUID.randomUUID(), 1)).isInstanceOf(TicketsSoldOutException.class)
                .hasMessageContaining("has 0 ticket(s) available, 1 requested");
    }

    @Test
    void refusesMoreThanAvailableAndStoresNothing() {
        schedule(10, STARTS_AT);
        reserve(otherOrder, 8);
        int before = concertEvents().size();

        assertThatThrownBy(() -> reserve(order, 3)).isInstanceOf(TicketsSoldOutException.class)
                .hasMessageContaining("has 2 ticket(s) available, 3 requested");

        assertThat(concertEvents()).hasSize(before);
        assertThat(holdEvents(order)).isEmpty();
    }

    @Test
    void aRetriedReservationAnswersTheSameWithoutReservingTwiceEvenWhenItWouldNoLongerFit() {
        schedule(3, STARTS_AT);
        reserve(order, 3);
        int before = concertEvents().size();

        assertThat(reserve(order, 3)).isEqualTo(new Reservation(concertId, order, 3, PRICE));

        assertThat(holdEvents(order)).hasSize(1);
        assertThat(concertEvents()).hasSize(before);
    }

    @Test
    void aRetriedReservationOfAConfirmedOrderAnswersTheSame() {
        schedule(10, STARTS_AT);
        reserve(order, 3);
        gateway.sendAndWait(new ConfirmReservation(concertId, order));

        assertThat(reserve(order, 3)).isEqualTo(new Reservation(concertId, order, 3, PRICE));
        assertThat(holdEvents(order)).containsExactly(new TicketsReserved(concertId, order, 3, PRICE),
                new ReservationConfirmed(concertId, order, 3));
    }

    @Test
    void refusesAnotherQuantityForAnOrderThatHoldsAReservation() {
        schedule(10, STARTS_AT);
        reserve(order, 3);

        assertThatThrownBy(() -> reserve(order, 4)).isInstanceOf(ReservationMismatchException.class)
                .hasMessageContaining("already holds 3 ticket(s)");
    }

    @Test
    void releasedTicketsAreAvailableAgainButNotToTheReleasedOrder() {
        schedule(4, STARTS_AT);
        reserve(order, 3);

        release(order, "order rejected");

        assertThat(holdEvents(order)).endsWith(new ReservationReleased(concertId, order, 3, "order rejected"));
        assertThat(concertEvents()).endsWith(new TicketsReturned(concertId, 3, 4));
        assertThatThrownBy(() -> reserve(order, 3)).isInstanceOf(ReservationReleasedException.class);
        assertThat(reserve(otherOrder, 4).quantity()).isEqualTo(4);
    }

    @Test
    void aReleaseBeforeAnyReservationIsRecordedAndRefusesTheLateReservation() {
        schedule(10, STARTS_AT);
        int before = concertEvents().size();

        release(order, "checkout timed out");

        assertThat(holdEvents(order)).containsExactly(new ReservationReleased(concertId, order, 0, "checkout timed out"));
        assertThat(concertEvents()).hasSize(before);
        assertThatThrownBy(() -> reserve(order, 1)).isInstanceOf(ReservationReleasedException.class);
    }

    @Test
    void releasingTwiceIsANoOp() {
        schedule(10, STARTS_AT);
        reserve(order, 3);
        release(order, "payment failed");
        int before = concertEvents().size();

        release(order, "payment failed");

        assertThat(holdEvents(order)).hasSize(2);
        assertThat(concertEvents()).hasSize(before);
    }

    @Test
    void releasingSoldTicketsGivesThemBack() {
        schedule(3, STARTS_AT);
        reserve(order, 3);
        gateway.sendAndWait(new ConfirmReservation(concertId, order));

        release(order, "order cancelled");

        assertThat(holdEvents(order)).endsWith(new ReservationReleased(concertId, order, 3, "order cancelled"));
        assertThat(concertEvents()).endsWith(new TicketsReturned(concertId, 3, 3));
    }

    @Test
    void refusesOnACancelledConcertButStillReleases() {
        schedule(10, STARTS_AT);
        reserve(order, 2);
        gateway.sendAndWait(new CancelConcert(concertId));

        assertThatThrownBy(() -> reserve(otherOrder, 1)).isInstanceOf(ConcertCancelledException.class);
        release(order, "concert cancelled");
        assertThat(holdEvents(order)).endsWith(new ReservationReleased(concertId, order, 2, "concert cancelled"));
    }

    @Test
    void refusesOnceTheConcertHasStarted() {
        schedule(10, NOW.plusSeconds(1));
        Clock later = Clock.fixed(NOW.plusSeconds(2), ZoneOffset.UTC);
        ReservationBatches afterTheStart = new ReservationBatches(() -> axon.repository(Concert.class),
                () -> axon.repository(TicketHold.class), axon::eventStore, cache, later, 5);
        DeskRequest.Reserve request = new DeskRequest.Reserve(new ReserveTickets(concertId, order, 1), MetaData.emptyInstance());

        afterTheStart.decide(concertId, List.of(request));

        assertThat(request.answer()).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
                .isInstanceOf(SalesClosedException.class);
    }

    @Test
    void refusesMalformedRequestsBeforeTheyQueue() {
        schedule(10, STARTS_AT);

        assertThatThrownBy(() -> reserve(order, 0)).isInstanceOf(InvalidReservationException.class);
        assertThatThrownBy(() -> reserve(null, 1)).isInstanceOf(InvalidReservationException.class);
        assertThatThrownBy(() -> gateway.sendAndWait(new ReserveTickets(null, order, 1)))
                .isInstanceOf(InvalidReservationException.class);
    }

    @Test
    void anUnknownConcertIsNotFound() {
        assertThatThrownBy(() -> reserve(order, 1)).isInstanceOf(AggregateNotFoundException.class);
    }

    @Test
    void oneBatchDecidesRepeatsMismatchesAndReleasesOfTheSameOrdersInOrder() {
        schedule(10, STARTS_AT);
        List<DeskRequest> batch = List.of(
                reserveRequest(order, 2), reserveRequest(order, 2), reserveRequest(order, 3),
                new DeskRequest.Release(new ReleaseReservation(concertId, otherOrder, "timed out"), MetaData.emptyInstance()),
                reserveRequest(otherOrder, 1));

        batches.decide(concertId, batch);

        assertThat(batch.get(0).answer()).isCompletedWithValue(new Reservation(concertId, order, 2, PRICE));
        assertThat(batch.get(1).answer()).isCompletedWithValue(new Reservation(concertId, order, 2, PRICE));
        assertThat(batch.get(2).answer()).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
                .isInstanceOf(ReservationMismatchException.class);
        assertThat(batch.get(3).answer()).isCompletedWithValue(null);
        assertThat(batch.get(4).answer()).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
                .isInstanceOf(ReservationReleasedException.class);
        assertThat(concertEvents()).endsWith(new TicketsAllocated(concertId, 2, 8, List.of(order)));
    }

    @Test
    void aBatchWithAnOrderReservedBeforeIsDecidedAgainOnTheStoredHolds() {
        schedule(10, STARTS_AT);
        reserve(order, 2);
        UUID newOrder = UUID.randomUUID();
        List<DeskRequest> batch = List.of(reserveRequest(newOrder, 1), reserveRequest(order, 2));

        batches.decide(concertId, batch);

        assertThat(batch.get(0).answer()).isCompletedWithValue(new Reservation(concertId, newOrder, 1, PRICE));
        assertThat(batch.get(1).answer()).isCompletedWithValue(new Reservation(concertId, order, 2, PRICE));
        assertThat(holdEvents(order)).hasSize(1);
        assertThat(holdEvents(newOrder)).hasSize(1);
        assertThat(concertEvents()).endsWith(new TicketsAllocated(concertId, 1, 7, List.of(newOrder)));
    }

    @Test
    void eachReservationCarriesItsSendersCorrelationData() {
        schedule(10, STARTS_AT);
        MetaData sender = MetaData.with("traceId", "trace-of-the-checkout");
        DeskRequest request = new DeskRequest.Reserve(new ReserveTickets(concertId, order, 1), sender);

        batches.decide(concertId, List.of(request, reserveRequest(otherOrder, 1)));

        assertThat(axon.eventStore().readEvents(ReservationIds.of(concertId, order)).next().getMetaData())
                .containsEntry("traceId", "trace-of-the-checkout");
        assertThat(axon.eventStore().readEvents(ReservationIds.of(concertId, otherOrder)).next().getMetaData())
                .doesNotContainEntry("traceId", "trace-of-the-checkout");
    }

    @Test
    void fiftyConcurrentShoppersForTenTicketsGetExactlyTen() throws Exception {
        schedule(10, STARTS_AT);
        AtomicInteger reserved = new AtomicInteger();
        AtomicInteger soldOut = new AtomicInteger();
        ExecutorService shoppers = Executors.newFixedThreadPool(50);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                all.add(shoppers.submit(() -> {
                    try {
                        reserve(UUID.randomUUID(), 1);
                        reserved.incrementAndGet();
                    } catch (TicketsSoldOutException e) {
                        soldOut.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : all) {
                future.get();
            }
        } finally {
            shoppers.shutdown();
        }

        assertThat(reserved).hasValue(10);
        assertThat(soldOut).hasValue(40);
        int allocated = concertEvents().stream().filter(TicketsAllocated.class::isInstance)
                .mapToInt(event -> ((TicketsAllocated) event).tickets()).sum();
        assertThat(allocated).isEqualTo(10);
    }

    @Test
    void aClosedDeskRefusesNewRequestsAsTransientInsteadOfLeavingThemWaiting() {
        schedule(10, STARTS_AT);
        reserve(order, 1);

        desk.close();

        assertThatThrownBy(() -> reserve(otherOrder, 1)).isInstanceOf(ReservationDeskBusyException.class)
                .hasMessageContaining("shutting down");
    }

    /** Bounded state: what a reservation loads (and a snapshot stores) is as small after 20,000 orders as after one. */
    @Test
    void theConcertStaysTheSameSizeWhateverItsNumberOfOrders() throws Exception {
        schedule(20_000, STARTS_AT);
        Jackson3Serializer serializer = Jackson3Serializer.builder().build();
        reserve(UUID.randomUUID(), 1);
        int afterOne = serializer.serialize(loadedConcert(), byte[].class).getData().length;

        ExecutorService shoppers = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int shopper = 0; shopper < 16; shopper++) {
                all.add(shoppers.submit(() -> {
                    for (int i = 0; i < 1_250; i++) {
                        try {
                            reserve(UUID.randomUUID(), 1);
                        } catch (TicketsSoldOutException expectedForTheLastOne) {
                            return;
                        }
                    }
                }));
            }
            for (Future<?> future : all) {
                future.get();
            }
        } finally {
            shoppers.shutdown();
        }

        assertThatThrownBy(() -> reserve(UUID.randomUUID(), 1)).isInstanceOf(TicketsSoldOutException.class)
                .hasMessageContaining("has 0 ticket(s) available");
        byte[] afterAll = serializer.serialize(loadedConcert(), byte[].class).getData();
        // The counts gained digits, nothing else: far under DynamoDB's 400 KB item.
        assertThat(afterAll.length).isLessThanOrEqualTo(afterOne + 10).isLessThan(1_024);
    }

    private Concert loadedConcert() {
        CompletableFuture<Concert> loaded = new CompletableFuture<>();
        var unitOfWork = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(null);
        unitOfWork.execute(() -> axon.repository(Concert.class).load(concertId.toString())
                .execute(loaded::complete));
        return loaded.join();
    }

    private DeskRequest.Reserve reserveRequest(UUID orderId, int quantity) {
        return new DeskRequest.Reserve(new ReserveTickets(concertId, orderId, quantity), MetaData.emptyInstance());
    }
}
