package com.boxoffice.app.process;

import com.boxoffice.cart.api.OrderConfirmed;
import com.boxoffice.cart.api.OrderLineReserved;
import com.boxoffice.cart.api.OrderPlaced;
import com.boxoffice.cart.api.OrderRejected;
import com.boxoffice.cart.api.OrderReserved;
import com.boxoffice.testing.LocalDynamoDb;
import com.boxoffice.ticketing.api.ReservationConfirmed;
import com.boxoffice.ticketing.api.ReservationReleased;
import com.boxoffice.ticketing.api.TicketsReserved;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A checkout killed in the middle: the app (a real process on the test JVM's DynamoDB Local) is SIGKILLed while an
 * order holds some of its lines' reservations and not others, and a fresh process on the same tables finishes it.
 * <p>
 * The kill point is found by reading the event store itself (strongly consistent, no projection lag) every few
 * milliseconds while the order's lines are reserved one after another; a cart of {@value #LINES} concerts makes that
 * take seconds, so the kill lands mid-way. The test then checks the store to prove it did, and fails otherwise.
 * <p>
 * Two orders are in flight: one that will be confirmed, and one whose last line cannot be had, so it must be rejected
 * after the restart and give back every reservation it took before the crash.
 */
class CheckoutCrashIT {

    private static final int LINES = 20;
    private static final int CAPACITY = 100;
    private static final int CONFIRMED_QUANTITY = 2;
    private static final int REJECTED_QUANTITY = 1;
    private static final int SCARCE_CAPACITY = 2;

    @Test
    void anOrderPendingWhenTheAppDiedCompletesAfterARestartWithoutLeakingOrOverselling() throws Exception {
        String prefix = LocalDynamoDb.uniquePrefix();
        // A new process has a new owner id: it takes the dead one's segments over once their claims expire.
        String claimTimeout = "boxoffice.tokenstore.claim-timeout=5s";
        List<String> concerts = new ArrayList<>();
        String scarce;
        String toConfirm;
        String toReject;
        String confirmedCart;
        try (EventStoreReader store = new EventStoreReader(prefix)) {
            try (AppProcess first = AppProcess.start("crash-first",
                    AppProcess.onLocalDynamoDb(prefix, claimTimeout, "boxoffice.tokenstore.owner=first"))) {
                ShopClient shop = new ShopClient(first);
                for (int i = 0; i < LINES; i++) {
                    concerts.add(shop.scheduleConcert("Crash " + i, CAPACITY, "25.00"));
                }
                scarce = shop.scheduleConcert("Crash scarce", SCARCE_CAPACITY, "99.00");
                concerts.forEach(shop::awaitConcert);
                shop.awaitConcert(scarce);

                confirmedCart = shop.openCart();
                String rejectedCart = shop.openCart();
                for (String concert : concerts) {
                    shop.addItem(confirmedCart, concert, CONFIRMED_QUANTITY);
                    shop.addItem(rejectedCart, concert, REJECTED_QUANTITY);
                }
                shop.addItem(rejectedCart, scarce, SCARCE_CAPACITY + 1);  // the last line: refused after the restart

                toConfirm = shop.checkout(confirmedCart);
                toReject = shop.checkout(rejectedCart);
                killMidCheckout(first, store, toConfirm, toReject);
            }

            CheckoutState atKill = CheckoutState.of(store, toConfirm);
            // More reservations than recorded lines: the kill fell between a reservation and its record on the order.
            System.out.printf("Killed mid-checkout: order to confirm %s with %d reservations stored, order to reject %s "
                            + "with %d%n", atKill, reservationsOf(store, concerts, toConfirm),
                    CheckoutState.of(store, toReject), reservationsOf(store, concerts, toReject));
            assertThat(atKill.placed()).as("the order was placed before the kill: " + atKill).isTrue();
            assertThat(atKill.linesRecorded()).as("lines reserved at the kill (must be mid-way): " + atKill)
                    .isBetween(1, LINES - 1);
            assertThat(atKill.settled()).as("the order was still PENDING at the kill: " + atKill).isFalse();

            long killed = System.nanoTime();
            try (AppProcess second = AppProcess.start("crash-second",
                    AppProcess.onLocalDynamoDb(prefix, claimTimeout, "boxoffice.tokenstore.owner=second"))) {
                long healthy = System.nanoTime();
                ShopClient shop = new ShopClient(second);
                JsonNode confirmed = shop.awaitSettled(toConfirm, Duration.ofSeconds(90));
                long settled = System.nanoTime();
                System.out.printf("Order pending at the kill: %s %d ms after the kill, %d ms after the second process "
                                + "was healthy (it took %d ms to start)%n", confirmed.get("status").asString(),
                        Duration.ofNanos(settled - killed).toMillis(), Duration.ofNanos(settled - healthy).toMillis(),
                        Duration.ofNanos(healthy - killed).toMillis());
                JsonNode rejected = shop.awaitSettled(toReject, Duration.ofSeconds(60));

                assertThat(confirmed.get("status").asString()).as(confirmed.toString()).isEqualTo("CONFIRMED");
                assertThat(confirmed.get("lines")).hasSize(LINES);
                assertThat(confirmed.get("total").asString()).isEqualTo("1000.00");  // 20 lines x 2 x 25.00
                assertThat(rejected.get("status").asString()).as(rejected.toString()).isEqualTo("REJECTED");
                assertThat(rejected.get("reason").asString()).contains(scarce);
                assertThat(shop.awaitCart(confirmedCart, "CHECKED_OUT").get("orderId").asString()).isEqualTo(toConfirm);

                // The store: each concert sold the confirmed order's tickets once, and took back every ticket the
                // rejected order held, whether it was reserved before the crash or after (the process releases after
                // the order is rejected, so the releases may follow a moment later).
                await("every concert's reservations settled in the store").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                            for (String concert : concerts) {
                                assertThat(tickets(store, concert, toConfirm)).as("concert " + concert + ", confirmed order")
                                        .isEqualTo("reserved [2], confirmed [2], released []");
                                assertThat(tickets(store, concert, toReject)).as("concert " + concert + ", rejected order")
                                        .isEqualTo("reserved [1], confirmed [], released [1]");
                                assertThat(store.reservationPayloads(concert, TicketsReserved.class)).as("reservations of concert " + concert)
                                        .extracting(r -> r.orderId().toString()).containsExactlyInAnyOrder(toConfirm, toReject);
                            }
                            assertThat(tickets(store, scarce, toReject)).as("the scarce concert: a release of nothing")
                                    .isEqualTo("reserved [], confirmed [], released [0]");
                        });
                assertThat(store.reservationPayloads(scarce, TicketsReserved.class)).as("the scarce concert").isEmpty();

                // The catalogue: available = capacity - tickets of confirmed orders, never more sold than the capacity.
                for (String concert : concerts) {
                    shop.awaitAvailable(concert, CAPACITY - CONFIRMED_QUANTITY, Duration.ofSeconds(30));
                }
                shop.awaitAvailable(scarce, SCARCE_CAPACITY, Duration.ofSeconds(30));
            }
        }
    }

    /**
     * Kills the app as soon as the store shows the order to confirm with a line reserved and not yet settled: when the
     * order to reject has a line too, or the first is a few lines in (the two may share a processor segment, and then
     * one waits for the other).
     */
    private static void killMidCheckout(AppProcess app, EventStoreReader store, String toConfirm, String toReject)
            throws InterruptedException {
        await("a line of order " + toConfirm + " reserved").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> {
                    int confirming = CheckoutState.of(store, toConfirm).linesRecorded();
                    int rejecting = CheckoutState.of(store, toReject).linesRecorded();
                    return confirming >= 1 && rejecting >= 1 || confirming >= 5;
                });
        app.kill();
        assertThat(app.isAlive()).as("the first process after SIGKILL").isFalse();
    }

    /** How many of the concerts hold a reservation of the order. */
    private static long reservationsOf(EventStoreReader store, List<String> concerts, String orderId) {
        return concerts.stream().filter(concert -> store.reservationPayloads(concert, TicketsReserved.class).stream()
                .anyMatch(r -> r.orderId().toString().equals(orderId))).count();
    }

    /** "reserved [n], confirmed [n], released [n]": the order's ticket events at the concert, by quantity. */
    private static String tickets(EventStoreReader store, String concert, String orderId) {
        return "reserved " + store.reservationPayloads(concert, TicketsReserved.class).stream()
                .filter(e -> e.orderId().toString().equals(orderId)).map(TicketsReserved::quantity).toList()
                + ", confirmed " + store.reservationPayloads(concert, ReservationConfirmed.class).stream()
                .filter(e -> e.orderId().toString().equals(orderId)).map(ReservationConfirmed::quantity).toList()
                + ", released " + store.reservationPayloads(concert, ReservationReleased.class).stream()
                .filter(e -> e.orderId().toString().equals(orderId)).map(ReservationReleased::quantity).toList();
    }

    /** How far an order's checkout got, by the order's own events in the store. */
    private record CheckoutState(boolean placed, int linesRecorded, boolean reserved, boolean settled) {

        static CheckoutState of(EventStoreReader store, String orderId) {
            List<Object> events = store.payloads(orderId);
            return new CheckoutState(
                    events.stream().anyMatch(OrderPlaced.class::isInstance),
                    (int) events.stream().filter(OrderLineReserved.class::isInstance).count(),
                    events.stream().anyMatch(OrderReserved.class::isInstance),
                    events.stream().anyMatch(e -> e instanceof OrderConfirmed || e instanceof OrderRejected));
        }
    }
}
