package com.boxoffice.cart.web;

import com.boxoffice.kernel.web.StrictJson;
import com.boxoffice.cart.api.AddCartItem;
import com.boxoffice.cart.api.CartLine;
import com.boxoffice.cart.api.CartLineNotFoundException;
import com.boxoffice.cart.api.CartNotOpenException;
import com.boxoffice.cart.api.CartStatus;
import com.boxoffice.cart.api.CartView;
import com.boxoffice.cart.api.CheckOutCart;
import com.boxoffice.cart.api.CloseCart;
import com.boxoffice.cart.api.EmptyCartException;
import com.boxoffice.cart.api.FindCart;
import com.boxoffice.cart.api.FindCartsOpenSince;
import com.boxoffice.cart.api.FindOrder;
import com.boxoffice.cart.api.InvalidCartItemException;
import com.boxoffice.cart.api.NotYourCartException;
import com.boxoffice.cart.api.OpenCart;
import com.boxoffice.cart.api.OrderStatus;
import com.boxoffice.cart.api.OrderView;
import com.boxoffice.cart.api.RemoveCartItem;
import com.boxoffice.cart.config.CartProperties;
import com.boxoffice.ticketing.api.ConcertStatus;
import com.boxoffice.ticketing.api.ConcertView;
import com.boxoffice.ticketing.api.FindConcert;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The HTTP contract of the cart and order endpoints, with the gateways mocked: statuses, JSON shapes, problems. */
class CartControllerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final UUID CART = UUID.randomUUID();
    private static final UUID CONCERT = UUID.randomUUID();
    private static final UUID ORDER = UUID.randomUUID();
    private static final ConcertView CONCERT_VIEW = new ConcertView(CONCERT, "Nils Frahm", "Elbphilharmonie",
            NOW.plus(Duration.ofDays(30)), 500, 480, new BigDecimal("45.00"), ConcertStatus.SCHEDULED);

    /** The caller of every request unless it says otherwise: the customer whose carts the views show. */
    private static final Authentication CUSTOMER = new TestingAuthenticationToken("customer-1", null, "ROLE_CUSTOMER");
    private static final Authentication OTHER_CUSTOMER = new TestingAuthenticationToken("customer-2", null, "ROLE_CUSTOMER");
    private static final Authentication STAFF = new TestingAuthenticationToken("sam", null, "ROLE_STAFF");

    private final CommandGateway commands = mock(CommandGateway.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        CartProperties properties = new CartProperties(Duration.ofMillis(300), new CartProperties.Checkout(Duration.ofSeconds(1), 16));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        mvc = MockMvcBuilders.standaloneSetup(new CartController(commands, queries, clock, properties),
                        new OrderController(queries, properties))
                .setControllerAdvice(new CartProblemHandler())
                .setMessageConverters(new JacksonJsonHttpMessageConverter(StrictJson.strict(JsonMapper.builder().build())))
                .setValidator(validator)
                .defaultRequest(get("/").principal(CUSTOMER))
                .build();
    }

    @Test
    void openingAnswers201WithTheNewIdAndItsLocationForTheCallerAsTheCustomer() throws Exception {
        when(commands.send(any())).thenReturn(CompletableFuture.completedFuture(null));

        String body = mvc.perform(post("/api/carts"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("http://localhost/api/carts/[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.cartId").value(matchesPattern("[0-9a-f-]{36}")))
                .andReturn().getResponse().getContentAsString();

        OpenCart sent = sent(OpenCart.class);
        assertThat(body).isEqualTo("{\"cartId\":\"" + sent.cartId() + "\"}");
        assertThat(sent.customerId()).isEqualTo("customer-1");
    }

    @Test
    void aCartShowsMoneyAsTwoDecimalStringsAndTimesInUtc() throws Exception {
        when(queries.query(any(FindCart.class), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(Optional.of(
                new CartView(CART, "customer-1", CartStatus.OPEN, List.of(new CartLine(CONCERT, 2, new BigDecimal("45.00"))),
                        new BigDecimal("90.00"), Instant.parse("2026-11-20T08:00:00.120Z"), null))));

        mvc.perform(get("/api/carts/{id}", CART))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"cartId":"%s","customerId":"customer-1","status":"OPEN",
                         "items":[{"concertId":"%s","quantity":2,"unitPrice":"45.00"}],"total":"90.00",
                         "openedAt":"2026-11-20T08:00:00.120Z","orderId":null}""".formatted(CART, CONCERT), true));
    }

    @Test
    void anotherCustomersCartIsA404AsOneThatDoesNotExistButStaffSeeIt() throws Exception {
        when(queries.query(any(FindCart.class), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(Optional.of(
                new CartView(CART, "customer-1", CartStatus.OPEN, List.of(), new BigDecimal("0.00"), NOW, null))));

        problem(get("/api/carts/{id}", CART).principal(OTHER_CUSTOMER), 404)
                .andExpect(jsonPath("$.title").value("Unknown cart"))
                .andExpect(jsonPath("$.detail").value("No cart with id " + CART));
        mvc.perform(get("/api/carts/{id}", CART).principal(STAFF))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value("customer-1"));
    }

    @Test
    void anotherCustomersCommandIsA404AsForACartThatDoesNotExist() throws Exception {
        when(commands.send(any())).thenReturn(CompletableFuture.failedFuture(new NotYourCartException(CART)));

        problem(post("/api/carts/{id}/close", CART).principal(OTHER_CUSTOMER), 404)
                .andExpect(jsonPath("$.title").value("Unknown cart"))
                .andExpect(jsonPath("$.detail").value("No cart with id " + CART));
        assertThat(sent(CloseCart.class)).isEqualTo(new CloseCart(CART, "customer-2"));
    }

    @Test
    void aCartTheProjectionDoesNotHaveIsA404() throws Exception {
        when(queries.query(any(FindCart.class), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(Optional.empty()));

        problem(get("/api/carts/{id}", CART), 404).andExpect(jsonPath("$.detail").value("No cart with id " + CART));
        problem(get("/api/carts/not-a-uuid"), 404).andExpect(jsonPath("$.title").value("Unknown cart"));
    }

    @Test
    void addingTakesTheConcertsPriceAndAnswersTheLine() throws Exception {
        concertIs(Optional.of(CONCERT_VIEW));
        when(commands.send(any())).thenReturn(CompletableFuture.completedFuture(new CartLine(CONCERT, 5, new BigDecimal("45.00"))));

        mvc.perform(addItem("{\"concertId\":\"%s\",\"quantity\":3}".formatted(CONCERT)))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"concertId\":\"%s\",\"quantity\":5,\"unitPrice\":\"45.00\"}".formatted(CONCERT), true));

        assertThat(sent(AddCartItem.class)).isEqualTo(new AddCartItem(CART, CONCERT, 3, new BigDecimal("45.00"), "customer-1"));
    }

    @Test
    void anUnknownConcertIsA404() throws Exception {
        concertIs(Optional.empty());

        problem(addItem("{\"concertId\":\"%s\",\"quantity\":1}".formatted(CONCERT)), 404)
                .andExpect(jsonPath("$.title").value("Unknown concert"))
                .andExpect(jsonPath("$.detail").value("No concert with id " + CONCERT));
        verifyNoInteractions(commands);
    }

    @Test
    void aCancelledOrStartedConcertIsA409() throws Exception {
        concertIs(Optional.of(new ConcertView(CONCERT, "n", "v", CONCERT_VIEW.startsAt(), 500, 500,
                new BigDecimal("45.00"), ConcertStatus.CANCELLED)));
        problem(addItem("{\"concertId\":\"%s\",\"quantity\":1}".formatted(CONCERT)), 409)
                .andExpect(jsonPath("$.detail").value("Concert " + CONCERT + " is cancelled; its tickets cannot be added to a cart"));

        concertIs(Optional.of(new ConcertView(CONCERT, "n", "v", NOW, 500, 500, new BigDecimal("45.00"), ConcertStatus.SCHEDULED)));
        problem(addItem("{\"concertId\":\"%s\",\"quantity\":1}".formatted(CONCERT)), 409)
                .andExpect(jsonPath("$.title").value("Concert not on sale"));
        verifyNoInteractions(commands);
    }

    @Test
    void aQuantityOutOfRangeIsA400NamingIt() throws Exception {
        problem(addItem("{\"concertId\":\"%s\",\"quantity\":0}".formatted(CONCERT)), 400)
                .andExpect(jsonPath("$.detail").value("'quantity' must be a whole number between 1 and 20"))
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));
        problem(addItem("{\"concertId\":\"%s\",\"quantity\":21}".formatted(CONCERT)), 400)
                .andExpect(jsonPath("$.detail").value("'quantity' must be a whole number between 1 and 20"));
        for (String quantity : List.of("1.5", "\"2\"", "true", "2E0")) {
            problem(addItem("{\"concertId\":\"%s\",\"quantity\":%s}".formatted(CONCERT, quantity)), 400)
                    .andExpect(jsonPath("$.detail").value("'quantity' must be a whole number between 1 and 20"))
                    .andExpect(jsonPath("$.errors[0].field").value("quantity"));
        }
        problem(addItem("{\"quantity\":2}"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("concertId"));
        problem(addItem("{\"concertId\":\"nope\",\"quantity\":2}"), 400)
                .andExpect(jsonPath("$.detail").value("'concertId' must be a concert's id, a UUID"))
                .andExpect(jsonPath("$.errors[0].field").value("concertId"));
        verifyNoInteractions(commands, queries);
    }

    @Test
    void aLineOverTwentyAfterAddingIsA400NamingTheQuantity() throws Exception {
        concertIs(Optional.of(CONCERT_VIEW));
        when(commands.send(any())).thenReturn(CompletableFuture.failedFuture(
                new InvalidCartItemException("quantity", "at most 20 tickets per concert: the line would hold 23")));

        problem(addItem("{\"concertId\":\"%s\",\"quantity\":5}".formatted(CONCERT)), 400)
                .andExpect(jsonPath("$.detail").value("at most 20 tickets per concert: the line would hold 23"))
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));
    }

    @Test
    void aCartNotOpenIsA409AndAnUnknownCartA404() throws Exception {
        concertIs(Optional.of(CONCERT_VIEW));
        when(commands.send(any())).thenReturn(CompletableFuture.failedFuture(new CartNotOpenException(CART, CartStatus.CHECKED_OUT)));
        problem(addItem("{\"concertId\":\"%s\",\"quantity\":1}".formatted(CONCERT)), 409)
                .andExpect(jsonPath("$.detail").value("Cart " + CART + " is CHECKED_OUT, not OPEN"));

        when(commands.send(any())).thenReturn(CompletableFuture.failedFuture(
                new AggregateNotFoundException(CART.toString(), "The aggregate was not found in the event store")));
        problem(addItem("{\"concertId\":\"%s\",\"quantity\":1}".formatted(CONCERT)), 404)
                .andExpect(jsonPath("$.detail").value("No cart with id " + CART));
    }

    @Test
    void removingALineAnswers200AndAMissingLine404() throws Exception {
        when(commands.send(any())).thenReturn(CompletableFuture.completedFuture(null));
        mvc.perform(delete("/api/carts/{cart}/items/{concert}", CART, CONCERT)).andExpect(status().isOk());
        verify(commands).send(new RemoveCartItem(CART, CONCERT, "customer-1"));

        when(commands.send(any())).thenReturn(CompletableFuture.failedFuture(new CartLineNotFoundException(CART, CONCERT)));
        problem(delete("/api/carts/{cart}/items/{concert}", CART, CONCERT), 404)
                .andExpect(jsonPath("$.detail").value("Cart " + CART + " has no line for concert " + CONCERT));
        problem(delete("/api/carts/{cart}/items/not-a-uuid", CART), 404)
                .andExpect(jsonPath("$.title").value("Unknown concert"));
    }

    @Test
    void checkingOutAnswers202WithTheOrderToPoll() throws Exception {
        when(commands.send(any())).thenAnswer(call -> CompletableFuture.completedFuture(((CheckOutCart) call.getArgument(0)).orderId()));

        String body = mvc.perform(post("/api/carts/{id}/checkout", CART))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", matchesPattern("http://localhost/api/orders/[0-9a-f-]{36}")))
                .andReturn().getResponse().getContentAsString();

        CheckOutCart sent = sent(CheckOutCart.class);
        assertThat(body).isEqualTo("{\"orderId\":\"" + sent.orderId() + "\"}");
        assertThat(sent.customerId()).isEqualTo("customer-1");
    }

    @Test
    void checkingOutAnEmptyCartIsA409() throws Exception {
        when(commands.send(any())).thenReturn(CompletableFuture.failedFuture(new EmptyCartException(CART)));

        problem(post("/api/carts/{id}/checkout", CART), 409)
                .andExpect(jsonPath("$.detail").value("Cart " + CART + " is empty: add tickets before checking out"));
    }

    @Test
    void closingAnswers200AndAClosedCart409() throws Exception {
        when(commands.send(any())).thenReturn(CompletableFuture.completedFuture(null));
        mvc.perform(post("/api/carts/{id}/close", CART)).andExpect(status().isOk());
        verify(commands).send(new CloseCart(CART, "customer-1"));

        when(commands.send(any())).thenReturn(CompletableFuture.failedFuture(new CartNotOpenException(CART, CartStatus.CLOSED)));
        problem(post("/api/carts/{id}/close", CART), 409);
    }

    @Test
    void anOrderShowsItsOutcome() throws Exception {
        when(queries.query(any(FindOrder.class), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(Optional.of(
                new OrderView(ORDER, CART, "customer-1", OrderStatus.REJECTED, List.of(new CartLine(CONCERT, 2, new BigDecimal("45"))),
                        new BigDecimal("90"), "Concert x has 1 ticket(s) available, 2 requested", NOW))));

        mvc.perform(get("/api/orders/{id}", ORDER))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"orderId":"%s","cartId":"%s","status":"REJECTED",
                         "lines":[{"concertId":"%s","quantity":2,"unitPrice":"45.00"}],"total":"90.00",
                         "reason":"Concert x has 1 ticket(s) available, 2 requested"}""".formatted(ORDER, CART, CONCERT), true));
    }

    @Test
    void anotherCustomersOrderIsA404ButStaffSeeIt() throws Exception {
        when(queries.query(any(FindOrder.class), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(Optional.of(
                new OrderView(ORDER, CART, "customer-1", OrderStatus.PENDING, List.of(new CartLine(CONCERT, 2, new BigDecimal("45"))),
                        new BigDecimal("90"), null, NOW))));

        problem(get("/api/orders/{id}", ORDER).principal(OTHER_CUSTOMER), 404)
                .andExpect(jsonPath("$.detail").value("No order with id " + ORDER));
        mvc.perform(get("/api/orders/{id}", ORDER).principal(STAFF)).andExpect(status().isOk());
    }

    @Test
    void anOrderNotYetProjectedIsA404() throws Exception {
        when(queries.query(any(FindOrder.class), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(Optional.empty()));

        problem(get("/api/orders/{id}", ORDER), 404).andExpect(jsonPath("$.title").value("Unknown order"));
    }

    @Test
    void abandonedCartsAreThoseOpenLongerThanTheDuration() throws Exception {
        when(queries.query(any(FindCartsOpenSince.class), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(List.of(
                new CartView(CART, "customer-1", CartStatus.OPEN, List.of(), new BigDecimal("0.00"), NOW.minus(Duration.ofDays(20)), null))));

        mvc.perform(get("/api/carts").param("status", "OPEN").param("openLongerThan", "P14D"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].cartId").value(CART.toString()))
                .andExpect(jsonPath("$[0].openedAt").value("2026-11-02T12:00:00Z"));

        ArgumentCaptor<FindCartsOpenSince> query = ArgumentCaptor.forClass(FindCartsOpenSince.class);
        verify(queries).query(query.capture(), any(ResponseType.class));
        assertThat(query.getValue()).isEqualTo(new FindCartsOpenSince(Instant.parse("2026-11-08T12:00:00Z"), 100));
    }

    @Test
    void abandonedCartParametersAreChecked() throws Exception {
        problem(get("/api/carts").param("openLongerThan", "P14D"), 400).andExpect(jsonPath("$.errors[0].field").value("status"));
        problem(get("/api/carts").param("status", "CLOSED").param("openLongerThan", "P14D"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        problem(get("/api/carts").param("status", "OPEN"), 400).andExpect(jsonPath("$.errors[0].field").value("openLongerThan"));
        problem(get("/api/carts").param("status", "OPEN").param("openLongerThan", "two weeks"), 400)
                .andExpect(jsonPath("$.detail").value(containsString("'openLongerThan' must be an ISO-8601 duration")));
        problem(get("/api/carts").param("status", "OPEN").param("openLongerThan", "P400000000000D"), 400)
                .andExpect(jsonPath("$.detail").value(
                        "'openLongerThan' must be an ISO-8601 duration from PT0S to P3650D, such as P14D or PT36H"));
        problem(get("/api/carts").param("status", "OPEN").param("openLongerThan", "-P1D"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("openLongerThan"));
        problem(get("/api/carts").param("status", "OPEN").param("openLongerThan", "P1D").param("limit", "1001"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        verifyNoInteractions(queries);
    }

    @Test
    void aConflictThatSurvivedTheRetriesIsA409() throws Exception {
        when(commands.send(any())).thenReturn(CompletableFuture.failedFuture(new CommandExecutionException("failed",
                new ConcurrencyException("An event for aggregate [x] at sequence [4] was already inserted"))));

        problem(post("/api/carts/{id}/close", CART), 409).andExpect(jsonPath("$.title").value("Concurrent change"));
    }

    @Test
    void aCommandThatDoesNotAnswerInTimeIsA503() throws Exception {
        when(commands.send(any())).thenReturn(new CompletableFuture<>());

        problem(post("/api/carts/{id}/checkout", CART), 503)
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.detail").value(endsWith("it may still complete")));
    }

    private RequestBuilder addItem(String body) {
        return post("/api/carts/{id}/items", CART).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private void concertIs(Optional<ConcertView> concert) {
        when(queries.query(any(FindConcert.class), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(concert));
    }

    private <C> C sent(Class<C> type) {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands).send(sent.capture());
        return type.cast(sent.getValue());
    }

    private ResultActions problem(RequestBuilder request, int status) throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status));
    }
}
