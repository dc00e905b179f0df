package com.boxoffice.cart.query;

import com.boxoffice.cart.api.CartCheckedOut;
import com.boxoffice.cart.api.CartClosed;
import com.boxoffice.cart.api.CartItemAdded;
import com.boxoffice.cart.api.CartItemRemoved;
import com.boxoffice.cart.api.CartOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;

/** Keeps the {@link CartViewStore} in step with the carts' events. */
@ProcessingGroup(CartProjection.PROCESSING_GROUP)
public class CartProjection {

    public static final String PROCESSING_GROUP = "cart-projection";

    private final CartViewStore carts;

    public CartProjection(CartViewStore carts) {
        this.carts = carts;
    }

    @EventHandler
    public void on(CartOpened event, @SequenceNumber long sequence, @Timestamp Instant openedAt) {
        carts.create(CartViews.opened(event, openedAt), sequence);
    }

    @EventHandler
    public void on(CartItemAdded event, @SequenceNumber long sequence) {
        carts.update(event.cartId(), sequence, cart -> CartViews.itemAdded(cart, event));
    }

    @EventHandler
    public void on(CartItemRemoved event, @SequenceNumber long sequence) {
        carts.update(event.cartId(), sequence, cart -> CartViews.itemRemoved(cart, event));
    }

    @EventHandler
    public void on(CartCheckedOut event, @SequenceNumber long sequence) {
        carts.update(event.cartId(), sequence, cart -> CartViews.checkedOut(cart, event));
    }

    @EventHandler
    public void on(CartClosed event, @SequenceNumber long sequence) {
        carts.update(event.cartId(), sequence, cart -> CartViews.closed(cart, event));
    }

    /** Before a replay: the replay rebuilds every view from the first event. */
    @ResetHandler
    public void reset() {
        carts.clear();
    }
}
