package com.boxoffice.cart.domain;

import com.boxoffice.cart.api.AddCartItem;
import com.boxoffice.cart.api.CartCheckedOut;
import com.boxoffice.cart.api.CartClosed;
import com.boxoffice.cart.api.CartItemAdded;
import com.boxoffice.cart.api.CartItemRemoved;
import com.boxoffice.cart.api.CartLine;
import com.boxoffice.cart.api.CartLineNotFoundException;
import com.boxoffice.cart.api.CartNotOpenException;
import com.boxoffice.cart.api.CartOpened;
import com.boxoffice.cart.api.CheckOutCart;
import com.boxoffice.cart.api.CloseCart;
import com.boxoffice.cart.api.EmptyCartException;
import com.boxoffice.cart.api.InvalidCartItemException;
import com.boxoffice.cart.api.NotYourCartException;
import com.boxoffice.cart.api.OpenCart;
import com.boxoffice.cart.api.RemoveCartItem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

class CartTest {

    private static final UUID CART = UUID.randomUUID();
    private static final UUID CONCERT = UUID.randomUUID();
    private static final UUID OTHER_CONCERT = UUID.randomUUID();
    private static final UUID ORDER = UUID.randomUUID();
    private static final BigDecimal PRICE = new BigDecimal("45.00");

    private AggregateTestFixture<Cart> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Cart.class);
    }

    @Test
    void opensForACustomer() {
        fixture.givenNoPriorActivity()
                .when(new OpenCart(CART, " customer-1 "))
                .expectEvents(new CartOpened(CART, "customer-1"));
    }

    @Test
    void refusesToOpenWithoutACustomer() {
        fixture.givenNoPriorActivity()
                .when(new OpenCart(CART, " "))
                .expectException(InvalidCartItemException.class);
    }

    @Test
    void addsToTheExistingLineAtTheCurrentPrice() {
        fixture.given(new CartOpened(CART, "c"), new CartItemAdded(CART, CONCERT, 2, 2, PRICE))
                .when(new AddCartItem(CART, CONCERT, 3, new BigDecimal("50"), "c"))
                .expectEvents(new CartItemAdded(CART, CONCERT, 3, 5, new BigDecimal("50.00")))
                .expectResultMessagePayload(new CartLine(CONCERT, 5, new BigDecimal("50.00")));
    }

    @Test
    void addsANewLine() {
        fixture.given(new CartOpened(CART, "c"))
                .when(new AddCartItem(CART, CONCERT, 20, PRICE, "c"))
                .expectEvents(new CartItemAdded(CART, CONCERT, 20, 20, PRICE))
                .expectResultMessagePayload(new CartLine(CONCERT, 20, PRICE));
    }

    @Test
    void refusesAnItemWithoutConcertOrPrice() {
        fixture.given(new CartOpened(CART, "c"))
                .when(new AddCartItem(CART, null, 1, PRICE, "c"))
                .expectException(InvalidCartItemException.class)
                .expectNoEvents();
        fixture.given(new CartOpened(CART, "c"))
                .when(new AddCartItem(CART, CONCERT, 1, BigDecimal.ZERO, "c"))
                .expectException(InvalidCartItemException.class)
                .expectNoEvents();
    }

    @Test
    void refusesAQuantityBelowOne() {
        fixture.given(new CartOpened(CART, "c"))
                .when(new AddCartItem(CART, CONCERT, 0, PRICE, "c"))
                .expectException(InvalidCartItemException.class)
                .expectNoEvents();
    }

    @Test
    void refusesMoreThanTwentyTicketsOnALine() {
        fixture.given(new CartOpened(CART, "c"), new CartItemAdded(CART, CONCERT, 18, 18, PRICE))
                .when(new AddCartItem(CART, CONCERT, 3, PRICE, "c"))
                .expectException(InvalidCartItemException.class)
                .expectExceptionMessage("at most 20 tickets per concert: the line would hold 21")
                .expectNoEvents();
    }

    @Test
    void refusesChangesWhenNotOpen() {
        fixture.given(new CartOpened(CART, "c"), new CartClosed(CART))
                .when(new AddCartItem(CART, CONCERT, 1, PRICE, "c"))
                .expectException(CartNotOpenException.class);
        fixture.given(new CartOpened(CART, "c"), new CartItemAdded(CART, CONCERT, 1, 1, PRICE),
                        new CartCheckedOut(CART, ORDER, "c", List.of(new CartLine(CONCERT, 1, PRICE)), PRICE))
                .when(new RemoveCartItem(CART, CONCERT, "c"))
                .expectException(CartNotOpenException.class);
    }

    @Test
    void removesALine() {
        fixture.given(new CartOpened(CART, "c"), new CartItemAdded(CART, CONCERT, 1, 1, PRICE))
                .when(new RemoveCartItem(CART, CONCERT, "c"))
                .expectEvents(new CartItemRemoved(CART, CONCERT));
    }

    @Test
    void removingAMissingLineIsNotFound() {
        fixture.given(new CartOpened(CART, "c"))
                .when(new RemoveCartItem(CART, CONCERT, "c"))
                .expectException(CartLineNotFoundException.class);
    }

    @Test
    void checksOutItsLinesWithTheirTotal() {
        fixture.given(new CartOpened(CART, "c"), new CartItemAdded(CART, CONCERT, 2, 2, PRICE),
                        new CartItemAdded(CART, OTHER_CONCERT, 1, 1, new BigDecimal("10.50")))
                .when(new CheckOutCart(CART, ORDER, "c"))
                .expectResultMessagePayload(ORDER)
                .expectEvents(new CartCheckedOut(CART, ORDER, "c", List.of(new CartLine(CONCERT, 2, PRICE),
                        new CartLine(OTHER_CONCERT, 1, new BigDecimal("10.50"))), new BigDecimal("100.50")));
    }

    @Test
    void aRetriedCheckoutAnswersTheSameOrderAndRecordsNothing() {
        fixture.given(new CartOpened(CART, "c"), new CartItemAdded(CART, CONCERT, 1, 1, PRICE),
                        new CartCheckedOut(CART, ORDER, "c", List.of(new CartLine(CONCERT, 1, PRICE)), PRICE))
                .when(new CheckOutCart(CART, ORDER, "c"))
                .expectResultMessagePayload(ORDER)
                .expectNoEvents();
    }

    @Test
    void anEmptyCartCannotBeCheckedOut() {
        fixture.given(new CartOpened(CART, "c"), new CartItemAdded(CART, CONCERT, 1, 1, PRICE),
                        new CartItemRemoved(CART, CONCERT))
                .when(new CheckOutCart(CART, ORDER, "c"))
                .expectException(EmptyCartException.class);
    }

    @Test
    void aCheckedOutCartRefusesAnotherCheckoutAndClosing() {
        fixture.given(new CartOpened(CART, "c"), new CartItemAdded(CART, CONCERT, 1, 1, PRICE),
                        new CartCheckedOut(CART, ORDER, "c", List.of(new CartLine(CONCERT, 1, PRICE)), PRICE))
                .when(new CheckOutCart(CART, UUID.randomUUID(), "c"))
                .expectException(CartNotOpenException.class)
                .expectNoEvents();
        fixture.given(new CartOpened(CART, "c"), new CartItemAdded(CART, CONCERT, 1, 1, PRICE),
                        new CartCheckedOut(CART, ORDER, "c", List.of(new CartLine(CONCERT, 1, PRICE)), PRICE))
                .when(new CloseCart(CART, "c"))
                .expectException(CartNotOpenException.class);
    }

    @Test
    void aClosedCartCannotBeCheckedOut() {
        fixture.given(new CartOpened(CART, "c"), new CartItemAdded(CART, CONCERT, 1, 1, PRICE), new CartClosed(CART))
                .when(new CheckOutCart(CART, ORDER, "c"))
                .expectException(CartNotOpenException.class)
                .expectNoEvents();
    }

    @Test
    void closesAnOpenCartOnly() {
        fixture.given(new CartOpened(CART, "c"))
                .when(new CloseCart(CART, "c"))
                .expectEvents(new CartClosed(CART));
        fixture.given(new CartOpened(CART, "c"), new CartClosed(CART))
                .when(new CloseCart(CART, "c"))
                .expectException(CartNotOpenException.class);
    }

    @Test
    void anotherCustomersCommandsAreRefusedBeforeTheCartsStateIsLookedAt() {
        fixture.given(new CartOpened(CART, "c"), new CartItemAdded(CART, CONCERT, 1, 1, PRICE))
                .when(new AddCartItem(CART, CONCERT, 1, PRICE, "mallory"))
                .expectException(NotYourCartException.class)
                .expectNoEvents();
        fixture.given(new CartOpened(CART, "c"), new CartItemAdded(CART, CONCERT, 1, 1, PRICE))
                .when(new RemoveCartItem(CART, CONCERT, "mallory"))
                .expectException(NotYourCartException.class);
        fixture.given(new CartOpened(CART, "c"), new CartItemAdded(CART, CONCERT, 1, 1, PRICE))
                .when(new CheckOutCart(CART, ORDER, "mallory"))
                .expectException(NotYourCartException.class);
        // Closed: the owner would hear 409 "not open"; another customer hears only that the cart is not theirs.
        fixture.given(new CartOpened(CART, "c"), new CartClosed(CART))
                .when(new CloseCart(CART, "mallory"))
                .expectException(NotYourCartException.class);
        fixture.given(new CartOpened(CART, "c"), new CartItemAdded(CART, CONCERT, 1, 1, PRICE),
                        new CartCheckedOut(CART, ORDER, "c", List.of(new CartLine(CONCERT, 1, PRICE)), PRICE))
                .when(new CheckOutCart(CART, ORDER, null))
                .expectException(NotYourCartException.class);
    }
}
