package com.boxoffice.cart.query;

import com.boxoffice.cart.api.OrderCancelled;
import com.boxoffice.cart.api.OrderConfirmed;
import com.boxoffice.cart.api.OrderPlaced;
import com.boxoffice.cart.api.OrderRejected;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;

/**
 * Keeps the {@link OrderViewStore} in step with the orders' events. The per-line reservation events are the process's
 * business; the view shows the order's outcome.
 */
@ProcessingGroup(OrderProjection.PROCESSING_GROUP)
public class OrderProjection {

    public static final String PROCESSING_GROUP = "order-projection";

    private final OrderViewStore orders;

    public OrderProjection(OrderViewStore orders) {
        this.orders = orders;
    }

    @EventHandler
    public void on(OrderPlaced event, @SequenceNumber long sequence, @Timestamp Instant placedAt) {
        orders.create(OrderViews.placed(event, placedAt), sequence);
    }

    @EventHandler
    public void on(OrderConfirmed event, @SequenceNumber long sequence) {
        orders.update(event.orderId(), sequence, order -> OrderViews.confirmed(order, event));
    }

    @EventHandler
    public void on(OrderRejected event, @SequenceNumber long sequence) {
        orders.update(event.orderId(), sequence, order -> OrderViews.rejected(order, event));
    }

    @EventHandler
    public void on(OrderCancelled event, @SequenceNumber long sequence) {
        orders.update(event.orderId(), sequence, order -> OrderViews.cancelled(order, event));
    }

    /** Before a replay: the replay rebuilds every view from the first event. */
    @ResetHandler
    public void reset() {
        orders.clear();
    }
}
