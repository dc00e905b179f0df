package com.boxoffice.cart.api;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message of the cart's published language survives the event serializer unchanged, money keeping its two
 * decimals (BigDecimal equality is scale-sensitive) and instants their precision.
 */
class ApiSerializationTest {

    private static final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
    private static final UUID CART = UUID.randomUUID();
    private static final UUID ORDER = UUID.randomUUID();
    private static final UUID CONCERT = UUID.randomUUID();
    private static final BigDecimal PRICE = new BigDecimal("45.00");
    private static final List<CartLine> LINES = List.of(new CartLine(CONCERT, 2, PRICE));
    private static final Instant AT = Instant.parse("2026-09-12T19:30:00.123Z");

    static List<Object> messages() {
        return List.of(
                new OpenCart(CART, "customer-1"),
                new AddCartItem(CART, CONCERT, 2, PRICE, "customer-1"),
                new RemoveCartItem(CART, CONCERT, "customer-1"),
                new CheckOutCart(CART, ORDER, "customer-1"),
                new CloseCart(CART, "customer-1"),
                new CartOpened(CART, "customer-1"),
                new CartItemAdded(CART, CONCERT, 2, 2, PRICE),
                new CartItemRemoved(CART, CONCERT),
                new CartCheckedOut(CART, ORDER, "customer-1", LINES, new BigDecimal("90.00")),
                new CartClosed(CART),
                new PlaceOrder(ORDER, CART, "customer-1", LINES, new BigDecimal("90.00")),
                new RecordLineReservation(ORDER, CONCERT, 2, PRICE),
                new ConfirmOrder(ORDER),
                new RejectOrder(ORDER, "sold out"),
                new OrderPlaced(ORDER, CART, "customer-1", LINES, new BigDecimal("90.00")),
                new OrderLineReserved(ORDER, CONCERT, 2, PRICE),
                new OrderReserved(ORDER, LINES),
                new OrderConfirmed(ORDER, new BigDecimal("90.00")),
                new OrderRejected(ORDER, "sold out", LINES),
                new FindCart(CART),
                new FindOrder(ORDER),
                new FindCartsOpenSince(AT, 100),
                new CartView(CART, "customer-1", CartStatus.CHECKED_OUT, LINES, new BigDecimal("90.00"), AT, ORDER),
                new OrderView(ORDER, CART, "customer-1", OrderStatus.REJECTED, LINES, new BigDecimal("90.00"), "sold out", AT));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void survivesTheSerializer(Object message) {
        SerializedObject<byte[]> serialized = serializer.serialize(message, byte[].class);

        assertThat((Object) serializer.deserialize(serialized)).isEqualTo(message);
    }
}
