package com.boxoffice.ticketing.it;

import com.boxoffice.testing.LocalDynamoDb;
import com.boxoffice.ticketing.api.ConcertCancelledException;
import com.boxoffice.ticketing.api.ConcertView;
import com.boxoffice.ticketing.api.FindConcert;
import com.boxoffice.ticketing.api.Reservation;
import com.boxoffice.ticketing.api.ReserveTickets;
import com.boxoffice.ticketing.api.TicketsSoldOutException;
import com.boxoffice.kernel.admin.ProcessorAdminService;
import com.boxoffice.kernel.admin.ProcessorStatus;
import com.boxoffice.kernel.admin.ResetTarget;
import com.boxoffice.kernel.commands.CommandGatewayAutoConfiguration;
import com.boxoffice.ticketing.domain.Concert;
import com.boxoffice.ticketing.query.CatalogueChange;
import com.boxoffice.ticketing.query.ConcertCatalogue;
import com.boxoffice.ticketing.query.ConcertCatalogueProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ticketing context wired by Spring Boot and Axon against DynamoDB Local: REST in, the concert aggregate, the
 * pooled catalogue processor writing DynamoDB, queries out, on the DynamoDB event store and token store.
 */
@SpringBootTest(classes = TicketingTestApplication.class, properties = {
        "axon.axonserver.enabled=false",
        "axon.serializer.general=jackson3",
        "axon.serializer.events=jackson3",
        "axon.serializer.messages=jackson3",
        "boxoffice.ticketing.snapshot-every=5",
        // What the app sets: errors raised before a controller is chosen (405, 415) become problem+json too.
        "spring.mvc.problemdetails.enabled=true"})
class TicketingApplicationTest {

    private static final Duration PROJECTION_LAG = Duration.ofSeconds(30);

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
    ProcessorAdminService processors;
    @Autowired
    ConcertCatalogue catalogue;
    @Autowired
    EventStorageEngine eventStorageEngine;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
    }

    @Test
    void commandsGoThroughTheConflictRetryingGateway() {
        assertThat(context.getBeanNamesForType(CommandGateway.class)).containsExactly("commandGateway");
        assertThat(((ConfigurableApplicationContext) context).getBeanFactory().getBeanDefinition("commandGateway")
                .getFactoryBeanName()).isEqualTo(CommandGatewayAutoConfiguration.class.getName());
    }

    @Test
    void errorsBeforeAndInsideTheControllerAreProblems() throws Exception {
        mvc.perform(post("/api/concerts").contentType(MediaType.TEXT_PLAIN).content("Nils Frahm"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/concerts").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(5));
    }

    @Test
    void aScheduledConcertAppearsInTheCatalogue() throws Exception {
        String startsAt = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        UUID id = schedule("Hania Rani " + UUID.randomUUID(), "Elbphilharmonie", startsAt, 120, "39.9");

        await().atMost(PROJECTION_LAG).untilAsserted(() -> mvc.perform(get("/api/concerts/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.startsAt").value(startsAt))
                .andExpect(jsonPath("$.capacity").value(120))
                .andExpect(jsonPath("$.available").value(120))
                .andExpect(jsonPath("$.ticketPrice").value("39.90"))
                .andExpect(jsonPath("$.status").value("SCHEDULED")));
    }

    @Test
    void fiftyConcurrentReservationsOfTenTicketsSellExactlyTen() throws Exception {
        UUID id = schedule("Hot " + UUID.randomUUID(), "Arena", Instant.now().plus(10, ChronoUnit.DAYS).toString(), 10, "80.00");

        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<CompletableFuture<Object>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                outcomes.add(CompletableFuture.supplyAsync(() -> reserveOrFailure(id, UUID.randomUUID(), 1), clients));
            }
            CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            clients.shutdownNow();
        }

        List<Object> results = outcomes.stream().map(CompletableFuture::join).toList();
        assertThat(results).filteredOn(Reservation.class::isInstance).hasSize(10);
        assertThat(results).filteredOn(TicketsSoldOutException.class::isInstance).hasSize(40);
        await().atMost(PROJECTION_LAG).until(() -> catalogued(id).map(ConcertView::available).orElse(-1) == 0);
    }

    @Test
    void aCancelledConcertRefusesReservations() throws Exception {
        UUID id = schedule("Cancelled " + UUID.randomUUID(), "Club", Instant.now().plus(5, ChronoUnit.DAYS).toString(), 10, "12.50");

        mvc.perform(post("/api/concerts/{id}/cancel", id)).andExpect(status().isOk());
        mvc.perform(post("/api/concerts/{id}/cancel", id)).andExpect(status().isOk());

        assertThatThrownBy(() -> commands.sendAndWait(new ReserveTickets(id, UUID.randomUUID(), 1), 10, TimeUnit.SECONDS))
                .isInstanceOf(ConcertCancelledException.class);
        await().atMost(PROJECTION_LAG).untilAsserted(() -> mvc.perform(get("/api/concerts/{id}", id))
                .andExpect(jsonPath("$.status").value("CANCELLED")));
        mvc.perform(post("/api/concerts/{id}/cancel", UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Unknown concert"));
    }

    @Test
    void listingFiltersByNameVenueAndDates() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Instant base = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        UUID early = schedule("Early " + tag, "North Hall", base.toString(), 10, "10.00");
        UUID late = schedule("Late " + tag, "South Hall", base.plus(45, ChronoUnit.DAYS).toString(), 10, "10.00");

        await().atMost(PROJECTION_LAG).untilAsserted(() -> mvc.perform(get("/api/concerts").param("name", tag.toUpperCase()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].concertId").value(early.toString()))
                .andExpect(jsonPath("$[1].concertId").value(late.toString())));
        mvc.perform(get("/api/concerts").param("name", tag).param("venue", "south"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].concertId").value(late.toString()));
        mvc.perform(get("/api/concerts").param("name", tag).param("from", base.plus(1, ChronoUnit.DAYS).toString()))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].concertId").value(late.toString()));
        mvc.perform(get("/api/concerts").param("name", tag).param("to", base.toString()))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].concertId").value(early.toString()));
    }

    @Test
    void aReplayRebuildsTheCatalogue() throws Exception {
        UUID id = schedule("Replayed " + UUID.randomUUID(), "Hall", Instant.now().plus(20, ChronoUnit.DAYS).toString(), 30, "25.00");
        commands.sendAndWait(new ReserveTickets(id, UUID.randomUUID(), 4), 10, TimeUnit.SECONDS);
        await().atMost(PROJECTION_LAG).until(() -> catalogued(id).map(ConcertView::available).orElse(-1) == 26);

        // Damage the read model the way a bug would: a change no event made, with a sequence number no event has yet.
        catalogue.apply(id, 1_000, CatalogueChange.allocated(5));
        assertThat(catalogued(id)).get().extracting(ConcertView::available).isEqualTo(21);

        ProcessorStatus status = processors.reset(ConcertCatalogueProjection.PROCESSING_GROUP, new ResetTarget.Tail());

        assertThat(status.name()).isEqualTo(ConcertCatalogueProjection.PROCESSING_GROUP);
        assertThat(status.running()).isTrue();
        await().atMost(PROJECTION_LAG).until(() -> catalogued(id).map(ConcertView::available).orElse(-1) == 26);
    }

    @Test
    void aSnapshottedConcertStillCountsEveryTicket() throws Exception {
        UUID id = schedule("Snapshotted " + UUID.randomUUID(), "Hall", Instant.now().plus(30, ChronoUnit.DAYS).toString(), 20, "30.00");
        for (int i = 0; i < 8; i++) {
            commands.sendAndWait(new ReserveTickets(id, UUID.randomUUID(), 2), 10, TimeUnit.SECONDS);
        }

        Optional<DomainEventMessage<?>> snapshot = eventStorageEngine.readSnapshot(id.toString());
        assertThat(snapshot).as("a snapshot after more than 5 events").isPresent();
        assertThat(snapshot.get().getPayload()).isInstanceOf(Concert.class);

        // Sourced from the snapshot: 16 of 20 are reserved, so 4 more fit and a fifth does not.
        commands.sendAndWait(new ReserveTickets(id, UUID.randomUUID(), 4), 10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> commands.sendAndWait(new ReserveTickets(id, UUID.randomUUID(), 1), 10, TimeUnit.SECONDS))
                .isInstanceOf(TicketsSoldOutException.class)
                .hasMessageContaining("has 0 ticket(s) available");
    }

    private Optional<ConcertView> catalogued(UUID id) {
        return queries.query(new FindConcert(id), ResponseTypes.optionalInstanceOf(ConcertView.class)).join();
    }

    private Object reserveOrFailure(UUID concertId, UUID orderId, int quantity) {
        try {
            return commands.<Reservation>send(new ReserveTickets(concertId, orderId, quantity)).join();
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    private UUID schedule(String name, String venue, String startsAt, int capacity, String price) throws Exception {
        String body = """
                {"name":"%s","venue":"%s","startsAt":"%s","capacity":%d,"ticketPrice":"%s"}
                """.formatted(name, venue, startsAt, capacity, price);
        String response = mvc.perform(post("/api/concerts").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(response.replaceAll(".*\"concertId\":\"([^\"]+)\".*", "$1").strip());
    }
}
