package com.boxoffice.cart.query;

import com.boxoffice.cart.api.OrderView;

import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Where order views are kept; idempotent by the events' aggregate sequence numbers, as {@link CartViewStore}. */
public interface OrderViewStore {

    /** Adds the view of a newly placed order; nothing happens when it exists already (a replayed event). */
    void create(OrderView order, long sequence);

    /**
     * Applies the change of the order's event with this sequence number, unless an event with this or a later number
     * was applied already.
     *
     * @throws IllegalStateException when the order has no view (its placing was not projected)
     */
    void update(UUID orderId, long sequence, UnaryOperator<OrderView> change);

    Optional<OrderView> find(UUID orderId);

    /** Removes every view, before a replay rebuilds them. */
    void clear();
}
