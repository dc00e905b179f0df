package com.boxoffice.cart.web;

import com.boxoffice.kernel.web.GatewayAnswers;
import com.boxoffice.kernel.web.UnknownResourceException;
import com.boxoffice.cart.api.FindOrder;
import com.boxoffice.cart.api.OrderView;
import com.boxoffice.cart.config.CartProperties;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Optional;

/**
 * Orders, read from the order projection. An order appears a moment after its checkout answered (404 until then),
 * PENDING until the checkout process settles it CONFIRMED or REJECTED: clients poll. A customer sees only their own
 * orders (another's answers 404, as one that does not exist); staff see anyone's.
 */
@RestController
@RequestMapping("/api/orders")
public class OrderController {

    private final QueryGateway queries;
    private final Duration timeout;

    public OrderController(QueryGateway queries, CartProperties properties) {
        this.queries = queries;
        this.timeout = properties.commandTimeout();
    }

    @GetMapping("/{orderId}")
    public OrderResponse get(@PathVariable String orderId, Authentication caller) {
        Optional<OrderView> order = GatewayAnswers.await("Reading order " + orderId, queries.query(
                new FindOrder(UnknownResourceException.parseId("order", orderId)), ResponseTypes.optionalInstanceOf(OrderView.class)), timeout);
        return order.filter(view -> CustomerData.visibleTo(caller, view.customerId())).map(OrderResponse::of)
                .orElseThrow(() -> new UnknownResourceException("order", orderId));
    }
}
