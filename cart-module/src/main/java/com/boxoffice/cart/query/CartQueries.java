package com.boxoffice.cart.query;

import com.boxoffice.cart.api.CartView;
import com.boxoffice.cart.api.FindCart;
import com.boxoffice.cart.api.FindCartsOpenSince;
import com.boxoffice.cart.api.FindOrder;
import com.boxoffice.cart.api.OrderView;
import org.axonframework.queryhandling.QueryHandler;

import java.util.List;
import java.util.Optional;

/** Answers the cart context's queries on Axon's query bus, for the REST layer and for other contexts. */
public class CartQueries {

    private final CartViewStore carts;
    private final OrderViewStore orders;

    public CartQueries(CartViewStore carts, OrderViewStore orders) {
        this.carts = carts;
        this.orders = orders;
    }

    @QueryHandler
    public Optional<CartView> handle(FindCart query) {
        return carts.find(query.cartId());
    }

    @QueryHandler
    public Optional<OrderView> handle(FindOrder query) {
        return orders.find(query.orderId());
    }

    @QueryHandler
    public List<CartView> handle(FindCartsOpenSince query) {
        return carts.openSince(query.openedAtOrBefore(), query.limit());
    }
}
