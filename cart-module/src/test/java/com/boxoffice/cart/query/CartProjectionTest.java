package com.boxoffice.cart.query;

import com.boxoffice.cart.api.CartCheckedOut;
import com.boxoffice.cart.api.CartClosed;
import com.boxoffice.cart.api.CartItemAdded;
import com.boxoffice.cart.api.CartItemRemoved;
import com.boxoffice.cart.api.CartLine;
import com.boxoffice.cart.api.CartOpened;
import com.boxoffice.cart.api.CartStatus;
import com.boxoffice.cart.api.CartView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each cart event does to the cart's view, and that a second delivery changes nothing. */
class CartProjectionTest {

    private static final UUID CART = UUID.randomUUID();
    private static final UUID CONCERT = UUID.randomUUID();
    private static final UUID OTHER_CONCERT = UUID.randomUUID();
    private static final UUID ORDER = UUID.randomUUID();
    private static final Instant OPENED_AT = Instant.parse("2026-11-01T10:15:30.123Z");

    private final InMemoryCartViewStore store = new InMemoryCartViewStore();
    private final CartProjection projection = new CartProjection(store);

    @Test
    void anOpenedCartIsEmptyAndOpen() {
        projection.on(new CartOpened(CART, "customer-1"), 0, OPENED_AT);

        assertThat(cart()).isEqualTo(new CartView(CART, "customer-1", CartStatus.OPEN, List.of(), new BigDecimal("0.00"),
                OPENED_AT, null));
    }

    @Test
    void linesAreAddedRepricedAndRemovedWithTheirTotal() {
        projection.on(new CartOpened(CART, "c"), 0, OPENED_AT);
        projection.on(new CartItemAdded(CART, CONCERT, 2, 2, new BigDecimal("45.00")), 1);
        projection.on(new CartItemAdded(CART, OTHER_CONCERT, 1, 1, new BigDecimal("10.50")), 2);
        projection.on(new CartItemAdded(CART, CONCERT, 1, 3, new BigDecimal("50.00")), 3);

        assertThat(cart().items()).containsExactly(new CartLine(CONCERT, 3, new BigDecimal("50.00")),
                new CartLine(OTHER_CONCERT, 1, new BigDecimal("10.50")));
        assertThat(cart().total()).isEqualTo(new BigDecimal("160.50"));

        projection.on(new CartItemRemoved(CART, CONCERT), 4);

        assertThat(cart().items()).containsExactly(new CartLine(OTHER_CONCERT, 1, new BigDecimal("10.50")));
        assertThat(cart().total()).isEqualTo(new BigDecimal("10.50"));
    }

    @Test
    void aCheckedOutCartShowsItsOrder() {
        List<CartLine> lines = List.of(new CartLine(CONCERT, 2, new BigDecimal("45.00")));
        projection.on(new CartOpened(CART, "c"), 0, OPENED_AT);
        projection.on(new CartItemAdded(CART, CONCERT, 2, 2, new BigDecimal("45.00")), 1);
        projection.on(new CartCheckedOut(CART, ORDER, "c", lines, new BigDecimal("90.00")), 2);

        assertThat(cart().status()).isEqualTo(CartStatus.CHECKED_OUT);
        assertThat(cart().orderId()).isEqualTo(ORDER);
        assertThat(cart().items()).isEqualTo(lines);
        assertThat(cart().total()).isEqualTo(new BigDecimal("90.00"));
        assertThat(store.openSince(OPENED_AT.plusSeconds(1), 10)).isEmpty();
    }

    @Test
    void aClosedCartKeepsItsLines() {
        projection.on(new CartOpened(CART, "c"), 0, OPENED_AT);
        projection.on(new CartItemAdded(CART, CONCERT, 2, 2, new BigDecimal("45.00")), 1);
        projection.on(new CartClosed(CART), 2);

        assertThat(cart().status()).isEqualTo(CartStatus.CLOSED);
        assertThat(cart().total()).isEqualTo(new BigDecimal("90.00"));
    }

    @Test
    void aSecondDeliveryChangesNothing() {
        projection.on(new CartOpened(CART, "c"), 0, OPENED_AT);
        projection.on(new CartItemAdded(CART, CONCERT, 2, 2, new BigDecimal("45.00")), 1);
        CartView once = cart();
        int writes = store.writes;

        projection.on(new CartOpened(CART, "c"), 0, OPENED_AT.plusSeconds(5));
        projection.on(new CartItemAdded(CART, CONCERT, 2, 2, new BigDecimal("45.00")), 1);

        assertThat(cart()).isEqualTo(once);
        assertThat(store.writes).isEqualTo(writes);
    }

    @Test
    void anEventOfACartNeverOpenedIsAnErrorSoTheProcessorRetriesIt() {
        assertThatThrownBy(() -> projection.on(new CartClosed(CART), 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aResetEmptiesTheStore() {
        projection.on(new CartOpened(CART, "c"), 0, OPENED_AT);

        projection.reset();

        assertThat(store.find(CART)).isEmpty();
    }

    private CartView cart() {
        return store.find(CART).orElseThrow();
    }
}
