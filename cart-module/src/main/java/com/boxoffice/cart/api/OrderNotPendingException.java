package com.boxoffice.cart.api;

import java.util.UUID;

/** The order is settled (confirmed or rejected) and cannot take the other outcome. */
public class OrderNotPendingException extends CartException {

    public OrderNotPendingException(UUID orderId, OrderStatus status, String attempted) {
        super("Order " + orderId + " is " + status + "; it cannot be " + attempted);
    }
}
