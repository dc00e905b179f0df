package com.boxoffice.cart.query;

import com.boxoffice.cart.api.CartView;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Where cart views are kept. Writes carry the aggregate sequence number of the event that makes them, and a write
 * whose number the view has already seen changes nothing: replays and second deliveries are harmless.
 */
public interface CartViewStore {

    /** Adds the view of a newly opened cart; nothing happens when it exists already (a replayed event). */
    void create(CartView cart, long sequence);

    /**
     * Applies the change of the cart's event with this sequence number, unless an event with this or a later number
     * was applied already.
     *
     * @throws IllegalStateException when the cart has no view (its opening was not projected)
     */
    void update(UUID cartId, long sequence, UnaryOperator<CartView> change);

    Optional<CartView> find(UUID cartId);

    /** Carts still OPEN that were opened at or before the instant, oldest first, at most {@code limit}. */
    List<CartView> openSince(Instant openedAtOrBefore, int limit);

    /** Removes every view, before a replay rebuilds them. */
    void clear();
}
