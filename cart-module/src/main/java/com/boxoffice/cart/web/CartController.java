package com.boxoffice.cart.web;

import com.boxoffice.kernel.web.GatewayAnswers;
import com.boxoffice.kernel.web.InvalidInputException;
import com.boxoffice.kernel.web.UnknownResourceException;
import com.boxoffice.cart.api.AddCartItem;
import com.boxoffice.cart.api.CartLine;
import com.boxoffice.cart.api.CartView;
import com.boxoffice.cart.api.CheckOutCart;
import com.boxoffice.cart.api.CloseCart;
import com.boxoffice.cart.api.FindCart;
import com.boxoffice.cart.api.FindCartsOpenSince;
import com.boxoffice.cart.api.OpenCart;
import com.boxoffice.cart.api.RemoveCartItem;
import com.boxoffice.cart.config.CartProperties;
import com.boxoffice.ticketing.api.ConcertStatus;
import com.boxoffice.ticketing.api.ConcertView;
import com.boxoffice.ticketing.api.FindConcert;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Carts: open, show, add and remove tickets, check out, close, and list the carts left open (abandoned).
 * <p>
 * Commands answer once their events are stored. Reads answer from the cart projection, which lags the commands by a
 * moment: a cart just opened may answer 404 for that moment, and a change may not show yet; clients that need their own
 * write poll.
 * <p>
 * Who may do what is in {@link CartAccessRules}; beyond those rules a customer sees and changes only their own carts:
 * another customer's cart answers 404, as one that does not exist.
 */
@RestController
@RequestMapping("/api/carts")
public class CartController {

    static final int DEFAULT_LIMIT = 100;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final Duration timeout;

    public CartController(CommandGateway commands, QueryGateway queries, Clock clock, CartProperties properties) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.timeout = properties.commandTimeout();
    }

    /** Opens a cart for the caller: the customer is the token's subject. */
    @PostMapping
    public ResponseEntity<CartCreatedResponse> open(Authentication caller) {
        UUID cartId = UUID.randomUUID();
        GatewayAnswers.await("Opening cart " + cartId, commands.send(new OpenCart(cartId, caller.getName())), timeout);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{cartId}").buildAndExpand(cartId).toUri();
        return ResponseEntity.created(location).body(new CartCreatedResponse(cartId.toString()));
    }

    @GetMapping("/{cartId}")
    public CartResponse get(@PathVariable String cartId, Authentication caller) {
        Optional<CartView> cart = GatewayAnswers.await("Reading cart " + cartId, queries.query(
                new FindCart(UnknownResourceException.parseId("cart", cartId)), ResponseTypes.optionalInstanceOf(CartView.class)), timeout);
        return cart.filter(view -> CustomerData.visibleTo(caller, view.customerId())).map(CartResponse::of)
                .orElseThrow(() -> new UnknownResourceException("cart", cartId));
    }

    /**
     * Abandoned carts: {@code GET /api/carts?status=OPEN&openLongerThan=P14D[&limit=100]} lists the carts still open
     * that were opened at least that long ago (an ISO-8601 duration), oldest first, at most {@code limit} (1 to 1000).
     */
    @GetMapping
    public List<CartResponse> openLongerThan(@RequestParam(required = false) String status,
                                             @RequestParam(required = false) String openLongerThan,
                                             @RequestParam(required = false) String limit) {
        if (!"OPEN".equals(status)) {
            throw new InvalidInputException("status", "'status' must be OPEN: only carts left open are listed");
        }
        Duration age = OpenCartsParameters.age(openLongerThan);
        int max = OpenCartsParameters.limit(limit, DEFAULT_LIMIT);
        Instant openedAtOrBefore = clock.instant().minus(age);
        List<CartView> carts = GatewayAnswers.await("Listing open carts", queries.query(new FindCartsOpenSince(openedAtOrBefore, max),
                ResponseTypes.multipleInstancesOf(CartView.class)), timeout);
        return carts.stream().map(CartResponse::of).toList();
    }

    /**
     * The unit price is the concert's ticket price now, read from ticketing's catalogue, so that the cart itself stays
     * free of queries. The catalogue lags too: a concert scheduled a moment ago may be unknown (404) for that moment.
     */
    @PostMapping("/{cartId}/items")
    public LineResponse addItem(@PathVariable String cartId, @Valid @RequestBody AddCartItemRequest request,
                                Authentication caller) {
        UUID cart = UnknownResourceException.parseId("cart", cartId);
        ConcertView concert = GatewayAnswers.await("Reading concert " + request.concertId(), queries.query(
                        new FindConcert(request.concertId()), ResponseTypes.optionalInstanceOf(ConcertView.class)), timeout)
                .orElseThrow(() -> new UnknownResourceException("concert", request.concertId().toString()));
        if (concert.status() == ConcertStatus.CANCELLED) {
            throw new ConcertNotOnSaleException(concert.concertId(), "is cancelled");
        }
        if (!clock.instant().isBefore(concert.startsAt())) {
            throw new ConcertNotOnSaleException(concert.concertId(), "started at " + concert.startsAt());
        }
        CartLine line = GatewayAnswers.await("Adding to cart " + cartId, commands.send(
                new AddCartItem(cart, concert.concertId(), request.quantity(), concert.ticketPrice(), caller.getName())), timeout);
        return LineResponse.of(line);
    }

    @DeleteMapping("/{cartId}/items/{concertId}")
    public ResponseEntity<Void> removeItem(@PathVariable String cartId, @PathVariable String concertId,
                                           Authentication caller) {
        UUID cart = UnknownResourceException.parseId("cart", cartId);
        UUID concert = UnknownResourceException.parseId("concert", concertId);
        GatewayAnswers.await("Removing from cart " + cartId, commands.send(new RemoveCartItem(cart, concert, caller.getName())), timeout);
        return ResponseEntity.ok().build();
    }

    /** 202: the order is placed and its tickets reserved by the checkout process; poll the order for its outcome. */
    @PostMapping("/{cartId}/checkout")
    public ResponseEntity<CheckoutResponse> checkOut(@PathVariable String cartId, Authentication caller) {
        UUID cart = UnknownResourceException.parseId("cart", cartId);
        UUID orderId = UUID.randomUUID();
        UUID placed = GatewayAnswers.await("Checking out cart " + cartId, commands.send(new CheckOutCart(cart, orderId, caller.getName())), timeout);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/orders/{orderId}")
                .buildAndExpand(placed).toUri();
        return ResponseEntity.accepted().location(location).body(new CheckoutResponse(placed.toString()));
    }

    @PostMapping("/{cartId}/close")
    public ResponseEntity<Void> close(@PathVariable String cartId, Authentication caller) {
        UUID cart = UnknownResourceException.parseId("cart", cartId);
        GatewayAnswers.await("Closing cart " + cartId, commands.send(new CloseCart(cart, caller.getName())), timeout);
        return ResponseEntity.ok().build();
    }
}
