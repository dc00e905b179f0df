package com.boxoffice.cart.it;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import com.boxoffice.cart.api.CartCheckedOut;
import com.boxoffice.cart.api.RecordLineReservation;
import com.boxoffice.cart.process.CheckoutProcess;
import com.boxoffice.cart.query.CartProjection;
import com.boxoffice.cart.query.OrderProjection;
import com.boxoffice.testing.LocalDynamoDb;
import com.boxoffice.ticketing.api.ConcertView;
import com.boxoffice.ticketing.api.FindConcert;
import com.boxoffice.ticketing.api.ReservationReleased;
import com.boxoffice.ticketing.api.ScheduleConcert;
import com.boxoffice.ticketing.api.ReservationIds;
import com.boxoffice.ticketing.api.TicketsReserved;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Carts and checkouts through REST with both contexts wired by Spring Boot and Axon on the DynamoDB event store and
 * token store: the checkout process on its pooled processor, reserving and selling real concerts' tickets.
 */
@SpringBootTest(classes = CartTestApplication.class, properties = {
        "axon.axonserver.enabled=false",
        "axon.serializer.general=jackson3",
        "axon.serializer.events=jackson3",
        "axon.serializer.messages=jackson3",
        "spring.mvc.problemdetails.enabled=true",
        "boxoffice.cart.checkout.workers=12",
        "boxoffice.processors.batch-size=7"})
class CheckoutApplicationTest {

    private static final Duration SETTLED = Duration.ofSeconds(60);
    private static final Pattern ID = Pattern.compile("\"(?:cartId|orderId)\":\"([0-9a-f-]{36})\"");

    @DynamicPropertySource
    static void dynamoDb(DynamicPropertyRegistry registry) {
        registry.add("boxoffice.dynamodb.mode", () -> "ENDPOINT");
        registry.add("boxoffice.dynamodb.endpoint", () -> LocalDynamoDb.endpoint().toString());
        registry.add("boxoffice.dynamodb.table-prefix", LocalDynamoDb::uniquePrefix);
    }

    @Autowired
    WebApplicationContext context;
    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    SimpleCommandBus commandBus;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        // The controllers only, without the security filter chain (the app's HTTP tests cover it): every request is
        // the one customer's, whose carts these are.
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .defaultRequest(get("/").principal(new TestingAuthenticationToken("customer-1", null, "ROLE_CUSTOMER")))
                .build();
    }

    /** Each step waits for its command, so the processor's threads are how many orders advance at once. */
    @Test
    void theCheckoutProcessorHasTheConfiguredWorkerThreads() throws ReflectiveOperationException {
        PooledStreamingEventProcessor checkout = processing.eventProcessor(CheckoutProcess.PROCESSING_GROUP,
                PooledStreamingEventProcessor.class).orElseThrow();

        // Axon exposes no getter for it.
        java.lang.reflect.Field field = PooledStreamingEventProcessor.class.getDeclaredField("workerExecutor");
        field.setAccessible(true);
        Object workers = field.get(checkout);

        assertThat(workers).isInstanceOfSatisfying(ScheduledThreadPoolExecutor.class,
                pool -> assertThat(pool.getCorePoolSize()).isEqualTo(12));
    }

    /** The shared batch size reaches the views; the checkout process keeps one event per unit of work. */
    @Test
    void theViewsTakeBatchesOfTheConfiguredSizeAndTheCheckoutOneEventAtATime() throws ReflectiveOperationException {
        java.lang.reflect.Field field = PooledStreamingEventProcessor.class.getDeclaredField("batchSize");
        field.setAccessible(true);
        for (String group : List.of(CartProjection.PROCESSING_GROUP, OrderProjection.PROCESSING_GROUP)) {
            PooledStreamingEventProcessor processor = processing.eventProcessor(group, PooledStreamingEventProcessor.class).orElseThrow();
            assertThat(field.getInt(processor)).as(group).isEqualTo(7);
        }
        PooledStreamingEventProcessor checkout = processing.eventProcessor(CheckoutProcess.PROCESSING_GROUP,
                PooledStreamingEventProcessor.class).orElseThrow();
        assertThat(field.getInt(checkout)).isEqualTo(1);
    }

    @Test
    void theProcessAndTheViewsRunOnPooledProcessorsWithStoredTokens() {
        for (String group : List.of(CheckoutProcess.PROCESSING_GROUP, CartProjection.PROCESSING_GROUP, OrderProjection.PROCESSING_GROUP)) {
            assertThat(processing.eventProcessor(group, PooledStreamingEventProcessor.class)).as(group).isPresent();
            await().atMost(SETTLED).untilAsserted(() -> assertThat(tokenStore.fetchSegments(group)).as(group).isNotEmpty());
        }
    }

    @Test
    void aCheckoutOfTwoConcertsIsConfirmedAndSellsTheirTickets() throws Exception {
        UUID first = schedule(100, "45.00");
        UUID second = schedule(50, "10.50");
        String cart = openCart();
        addItem(cart, first, 2);
        addItem(cart, second, 1);
        addItem(cart, first, 1);

        String order = checkOut(cart);

        await().atMost(SETTLED).untilAsserted(() -> mvc.perform(get("/api/orders/{id}", order))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.cartId").value(cart))
                .andExpect(jsonPath("$.total").value("145.50"))
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.reason").doesNotExist()));
        await().atMost(SETTLED).untilAsserted(() -> {
            assertThat(available(first)).isEqualTo(97);
            assertThat(available(second)).isEqualTo(49);
        });
        await().atMost(SETTLED).untilAsserted(() -> mvc.perform(get("/api/carts/{id}", cart))
                .andExpect(jsonPath("$.status").value("CHECKED_OUT"))
                .andExpect(jsonPath("$.orderId").value(order))
                .andExpect(jsonPath("$.total").value("145.50")));
    }

    @Test
    void aSoldOutLineRejectsTheOrderAndReleasesTheOtherLinesTickets() throws Exception {
        UUID plenty = schedule(20, "30.00");
        UUID scarce = schedule(1, "80.00");
        String cart = openCart();
        addItem(cart, plenty, 4);
        addItem(cart, scarce, 2);

        String order = checkOut(cart);

        await().atMost(SETTLED).untilAsserted(() -> mvc.perform(get("/api/orders/{id}", order))
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.reason").value("Concert " + scarce + " has 1 ticket(s) available, 2 requested")));
        UUID orderId = UUID.fromString(order);
        await().atMost(SETTLED).untilAsserted(() -> {
            assertThat(reservation(plenty, orderId)).contains(new TicketsReserved(plenty, orderId, 4, new BigDecimal("30.00")),
                    new ReservationReleased(plenty, orderId, 4, "Concert " + scarce + " has 1 ticket(s) available, 2 requested"));
            assertThat(reservation(scarce, orderId)).contains(
                    new ReservationReleased(scarce, orderId, 0, "Concert " + scarce + " has 1 ticket(s) available, 2 requested"));
        });
        await().atMost(SETTLED).untilAsserted(() -> {
            assertThat(available(plenty)).isEqualTo(20);
            assertThat(available(scarce)).isEqualTo(1);
        });
    }

    @Test
    void concurrentCheckoutsForTheLastTicketsSellEachTicketOnce() throws Exception {
        UUID concert = schedule(4, "60.00");
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String cart = openCart();
            addItem(cart, concert, 1);
            carts.add(cart);
        }

        ExecutorService clients = Executors.newFixedThreadPool(7);
        List<String> orders;
        try {
            List<CompletableFuture<String>> checkouts = carts.stream()
                    .map(cart -> CompletableFuture.supplyAsync(() -> checkOutUnchecked(cart), clients)).toList();
            orders = checkouts.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdownNow();
        }

        await().atMost(SETTLED).until(() -> orders.stream().map(this::orderStatus).noneMatch(s -> s.equals("PENDING") || s.isEmpty()));
        List<String> outcomes = orders.stream().map(this::orderStatus).toList();
        assertThat(outcomes).filteredOn("CONFIRMED"::equals).hasSize(4);
        assertThat(outcomes).filteredOn("REJECTED"::equals).hasSize(3);
        await().atMost(SETTLED).untilAsserted(() -> assertThat(available(concert)).isZero());
    }

    @Test
    void theReservationsOfACheckoutCarryItsTraceId() throws Exception {
        UUID concert = schedule(10, "25.00");
        String cart = openCart();
        addItem(cart, concert, 2);

        String order = checkOut(cart);

        await().atMost(SETTLED).untilAsserted(() -> mvc.perform(get("/api/orders/{id}", order))
                .andExpect(jsonPath("$.status").value("CONFIRMED")));
        Object checkoutTrace = events(UUID.fromString(cart)).stream()
                .filter(event -> event.getPayload() instanceof CartCheckedOut).findFirst().orElseThrow()
                .getMetaData().get("traceId");
        assertThat(checkoutTrace).isNotNull();
        assertThat(events(ReservationIds.of(concert, UUID.fromString(order)))).filteredOn(event -> event.getPayload() instanceof TicketsReserved)
                .singleElement().satisfies(event -> assertThat(event.getMetaData().get("traceId")).isEqualTo(checkoutTrace));
    }

    /**
     * A step that fails for a technical reason after ticketing reserved (here: recording the reservation on the order)
     * makes the processor hand the event over again; the repeated reservation is answered without reserving twice,
     * and the order completes instead of being rejected.
     */
    @Test
    void aStepThatFailsTechnicallyIsRetriedWithoutReservingTwice() throws Exception {
        UUID concert = schedule(10, "25.00");
        String cart = openCart();
        addItem(cart, concert, 3);
        AtomicInteger failures = new AtomicInteger();
        Registration outage = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof RecordLineReservation record
                    && record.concertId().equals(concert) && failures.getAndIncrement() == 0) {
                throw new IllegalStateException("injected outage while recording the reservation");
            }
            return chain.proceed();
        });
        String order;
        try {
            order = checkOut(cart);
            await().atMost(SETTLED).untilAsserted(() -> mvc.perform(get("/api/orders/{id}", order))
                    .andExpect(jsonPath("$.status").value("CONFIRMED")));
        } finally {
            outage.cancel();
        }

        assertThat(failures).hasValueGreaterThan(1);
        UUID orderId = UUID.fromString(order);
        assertThat(reservation(concert, orderId)).filteredOn(TicketsReserved.class::isInstance)
                .hasSize(1);
        await().atMost(SETTLED).untilAsserted(() -> assertThat(available(concert)).isEqualTo(7));
    }

    @Test
    void abandonedCartsAreListedWhileOpen() throws Exception {
        String cart = openCart();
        await().atMost(SETTLED).until(() -> openCarts().contains(cart));

        mvc.perform(post("/api/carts/{id}/close", cart)).andExpect(status().isOk());

        await().atMost(SETTLED).until(() -> !openCarts().contains(cart));
        mvc.perform(get("/api/carts").param("status", "OPEN").param("openLongerThan", "P14D"))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }

    @Test
    void addingToACheckedOutCartIsAConflictAndAnEmptyCheckoutToo() throws Exception {
        UUID concert = schedule(10, "25.00");
        String empty = openCart();
        mvc.perform(post("/api/carts/{id}/checkout", empty))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        String cart = openCart();
        addItem(cart, concert, 1);
        checkOut(cart);

        mvc.perform(post("/api/carts/{id}/items", cart).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"concertId\":\"%s\",\"quantity\":1}".formatted(concert)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Cart " + cart + " is CHECKED_OUT, not OPEN"));
        mvc.perform(post("/api/carts/{id}/close", UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private UUID schedule(int capacity, String price) throws Exception {
        UUID concertId = UUID.randomUUID();
        commands.sendAndWait(new ScheduleConcert(concertId, "Concert " + concertId, "Arena",
                Instant.now().plus(30, ChronoUnit.DAYS), capacity, new BigDecimal(price)), 10, TimeUnit.SECONDS);
        // The cart reads the price from the catalogue, which lags the concert's events.
        await().atMost(SETTLED).until(() -> concert(concertId).isPresent());
        return concertId;
    }

    private Optional<ConcertView> concert(UUID concertId) {
        return queries.query(new FindConcert(concertId), ResponseTypes.optionalInstanceOf(ConcertView.class)).join();
    }

    private int available(UUID concertId) {
        return concert(concertId).orElseThrow().available();
    }

    private String openCart() throws Exception {
        MvcResult result = mvc.perform(post("/api/carts"))
                .andExpect(status().isCreated())
                .andReturn();
        return id(result);
    }

    private void addItem(String cart, UUID concert, int quantity) throws Exception {
        mvc.perform(post("/api/carts/{id}/items", cart).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"concertId\":\"%s\",\"quantity\":%d}".formatted(concert, quantity)))
                .andExpect(status().isOk());
    }

    private String checkOut(String cart) throws Exception {
        return id(mvc.perform(post("/api/carts/{id}/checkout", cart)).andExpect(status().isAccepted()).andReturn());
    }

    private String checkOutUnchecked(String cart) {
        try {
            return checkOut(cart);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String orderStatus(String order) {
        try {
            MvcResult result = mvc.perform(get("/api/orders/{id}", order)).andReturn();
            if (result.getResponse().getStatus() == 404) {
                return "";
            }
            Matcher status = Pattern.compile("\"status\":\"([A-Z]+)\"").matcher(result.getResponse().getContentAsString());
            return status.find() ? status.group(1) : "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> openCarts() throws Exception {
        String body = mvc.perform(get("/api/carts").param("status", "OPEN").param("openLongerThan", "PT0S").param("limit", "1000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> ids = new ArrayList<>();
        Matcher matcher = ID.matcher(body);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private List<DomainEventMessage<?>> events(UUID aggregateId) {
        return events(aggregateId.toString());
    }

    private List<DomainEventMessage<?>> events(String aggregateId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(aggregateId).forEachRemaining(events::add);
        return events;
    }

    /** The events of one order's reservation of a concert (its own aggregate in ticketing). */
    private List<Object> reservation(UUID concertId, UUID orderId) {
        return events(ReservationIds.of(concertId, orderId)).stream().<Object>map(DomainEventMessage::getPayload).toList();
    }

    private static String id(MvcResult result) throws Exception {
        Matcher matcher = ID.matcher(result.getResponse().getContentAsString());
        assertThat(matcher.find()).as("an id in " + result.getResponse().getContentAsString()).isTrue();
        return matcher.group(1);
    }

}
