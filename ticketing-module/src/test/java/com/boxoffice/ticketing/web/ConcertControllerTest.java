package com.boxoffice.ticketing.web;

import com.boxoffice.kernel.web.StrictJson;
import com.boxoffice.ticketing.api.CancelConcert;
import com.boxoffice.ticketing.api.ConcertStatus;
import com.boxoffice.ticketing.api.ConcertView;
import com.boxoffice.ticketing.api.FindConcert;
import com.boxoffice.ticketing.api.FindConcerts;
import com.boxoffice.ticketing.api.InvalidConcertException;
import com.boxoffice.ticketing.api.ScheduleConcert;
import com.boxoffice.ticketing.config.TicketingProperties;
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
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
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
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The HTTP contract of the concert endpoints, with the gateways mocked: status codes, JSON shapes, problem details. */
class ConcertControllerTest {

    private static final String VALID = """
            {"name":"Nils Frahm","venue":"Elbphilharmonie","startsAt":"2026-09-12T19:30:00Z","capacity":500,"ticketPrice":"45"}
            """;

    /** "Now" for the controller: the start of VALID is some months ahead of it. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final CommandGateway commands = mock(CommandGateway.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        TicketingProperties properties = new TicketingProperties(Duration.ofMillis(300), 250, new TicketingProperties.Reservations(90, 20, Duration.ofSeconds(30)));
        mvc = MockMvcBuilders.standaloneSetup(new ConcertController(commands, queries, CLOCK, properties))
                .setControllerAdvice(new TicketingProblemHandler())
                .setMessageConverters(new JacksonJsonHttpMessageConverter(StrictJson.strict(JsonMapper.builder().build())))
                .setValidator(validator)
                .build();
    }

    @Test
    void schedulingAnswers201WithTheNewIdAndItsLocation() throws Exception {
        when(commands.send(any())).thenReturn(CompletableFuture.completedFuture(null));

        String body = mvc.perform(post("/api/concerts").contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.concertId").value(matchesPattern("[0-9a-f-]{36}")))
                .andReturn().getResponse().getContentAsString();

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands).send(sent.capture());
        ScheduleConcert command = (ScheduleConcert) sent.getValue();
        assertThat(body).contains(command.concertId().toString());
        assertThat(command.ticketPrice()).isEqualByComparingTo("45.00");
        assertThat(command.startsAt()).isEqualTo(Instant.parse("2026-09-12T19:30:00Z"));
        mvc.perform(post("/api/concerts").contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(header().string("Location", matchesPattern("http://localhost/api/concerts/[0-9a-f-]{36}")));
    }

    @Test
    void missingAndOutOfRangeFieldsAreNamed() throws Exception {
        problem(post("/api/concerts").contentType(MediaType.APPLICATION_JSON)
                .content("{\"venue\":\" \",\"startsAt\":\"2026-09-12T19:30:00Z\",\"capacity\":100001,\"ticketPrice\":\"10000.01\"}"), 400)
                .andExpect(jsonPath("$.detail").value(allOf(
                        containsString("'capacity' must be a whole number between 1 and 100000"),
                        containsString("'name' must be a text of 1 to 200 characters"),
                        containsString("'venue' must be a text of 1 to 200 characters"),
                        containsString("'ticketPrice' must be an amount in EUR from 0.01 to 10000.00 with at most 2 decimals"))))
                .andExpect(jsonPath("$.errors[0].field").value("capacity"));
        verifyNoInteractions(commands);
    }

    @Test
    void aZeroPriceAndCapacityAreRefused() throws Exception {
        problem(post("/api/concerts").contentType(MediaType.APPLICATION_JSON).content(
                "{\"name\":\"a\",\"venue\":\"b\",\"startsAt\":\"2026-09-12T19:30:00Z\",\"capacity\":0,\"ticketPrice\":0}"), 400)
                .andExpect(jsonPath("$.detail").value(allOf(
                        containsString("'capacity' must be a whole number between 1 and 100000"),
                        containsString("'ticketPrice' must be an amount in EUR from 0.01"))));
    }

    @Test
    void valuesAreReadAsTheirJsonTypesWithoutCoercion() throws Exception {
        String[][] refused = {
                {"\"capacity\":500", "\"capacity\":1.5", "capacity", "'capacity' must be a whole number between 1 and 100000"},
                {"\"capacity\":500", "\"capacity\":\"500\"", "capacity", "'capacity' must be a whole number"},
                {"\"name\":\"Nils Frahm\"", "\"name\":true", "name", "'name' must be a text of 1 to 200 characters"},
                {"\"name\":\"Nils Frahm\"", "\"name\":10", "name", "'name' must be a text"},
                {"\"ticketPrice\":\"45\"", "\"ticketPrice\":45.123", "ticketPrice", "'ticketPrice' must be an amount"},
                {"\"ticketPrice\":\"45\"", "\"ticketPrice\":1E+2147483647", "ticketPrice", "'ticketPrice' must be an amount"},
                {"\"startsAt\":\"2026-09-12T19:30:00Z\"", "\"startsAt\":4102444800000", "startsAt", "'startsAt' must be an ISO"},
                {"\"startsAt\":\"2026-09-12T19:30:00Z\"", "\"startsAt\":\"+10000-06-01T00:00:00Z\"", "startsAt",
                        "'startsAt' must be an ISO-8601 instant within the next 10 years"},
        };
        for (String[] value : refused) {
            problem(post("/api/concerts").contentType(MediaType.APPLICATION_JSON).content(VALID.replace(value[0], value[1])), 400)
                    .andExpect(jsonPath("$.detail").value(containsString(value[3])))
                    .andExpect(jsonPath("$.errors[0].field").value(value[2]));
        }
        verifyNoInteractions(commands);
    }

    @Test
    void aStartInThePastOrMoreThanTenYearsAheadIsRefusedAtTheEdge() throws Exception {
        for (String startsAt : List.of("2025-12-31T23:59:59Z", "2036-01-01T00:00:01Z")) {
            problem(post("/api/concerts").contentType(MediaType.APPLICATION_JSON)
                    .content(VALID.replace("2026-09-12T19:30:00Z", startsAt)), 400)
                    .andExpect(jsonPath("$.detail").value("'startsAt' must be an ISO-8601 instant within the next 10 years"))
                    .andExpect(jsonPath("$.errors[0].field").value("startsAt"));
        }
        verifyNoInteractions(commands);
    }

    @Test
    void malformedJsonIsA400() throws Exception {
        problem(post("/api/concerts").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"), 400)
                .andExpect(jsonPath("$.detail").value(containsString("Malformed JSON")));
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() throws Exception {
        problem(post("/api/concerts").contentType(MediaType.APPLICATION_JSON).content(VALID.replace("2026-09-12T19:30:00Z", "next friday")), 400)
                .andExpect(jsonPath("$.detail").value("'startsAt' must be an ISO-8601 instant within the next 10 years"))
                .andExpect(jsonPath("$.errors[0].field").value("startsAt"));
    }

    @Test
    void aMissingBodyIsA400() throws Exception {
        problem(post("/api/concerts").contentType(MediaType.APPLICATION_JSON), 400)
                .andExpect(jsonPath("$.detail").value("The request body is missing"));
    }

    @Test
    void theConcertsOwnRefusalNamesTheField() throws Exception {
        when(commands.send(any())).thenReturn(CompletableFuture.failedFuture(
                new InvalidConcertException("startsAt", "startsAt must be in the future, was 2020-01-01T00:00:00Z")));

        problem(post("/api/concerts").contentType(MediaType.APPLICATION_JSON).content(VALID), 400)
                .andExpect(jsonPath("$.detail").value("startsAt must be in the future, was 2020-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.errors[0].field").value("startsAt"));
    }

    @Test
    void listingShowsMoneyAsTwoDecimalStringsAndTimesInUtc() throws Exception {
        UUID id = UUID.randomUUID();
        when(queries.query(any(FindConcerts.class), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(
                List.of(new ConcertView(id, "Nils Frahm", "Elbphilharmonie", Instant.parse("2026-09-12T19:30:00Z"), 500, 497,
                        new BigDecimal("45.00"), ConcertStatus.SCHEDULED))));

        mvc.perform(get("/api/concerts").param("name", "frahm").param("from", "2026-09-01").param("to", "2026-09-30"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().json("""
                        [{"concertId":"%s","name":"Nils Frahm","venue":"Elbphilharmonie","startsAt":"2026-09-12T19:30:00Z",
                          "capacity":500,"available":497,"ticketPrice":"45.00","status":"SCHEDULED"}]""".formatted(id), true));

        ArgumentCaptor<FindConcerts> query = ArgumentCaptor.forClass(FindConcerts.class);
        verify(queries).query(query.capture(), any(ResponseType.class));
        assertThat(query.getValue()).isEqualTo(new FindConcerts("frahm", null, Instant.parse("2026-09-01T00:00:00Z"),
                Instant.parse("2026-09-30T23:59:59.999Z")));
    }

    @Test
    void anUnreadableDateIsA400NamingTheParameter() throws Exception {
        problem(get("/api/concerts").param("from", "yesterday"), 400)
                .andExpect(jsonPath("$.detail").value(containsString("'from' must be an ISO-8601 instant such as")))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void aRangeEndingBeforeItStartsIsA400() throws Exception {
        problem(get("/api/concerts").param("from", "2026-09-02T00:00:00Z").param("to", "2026-09-01"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void anUnknownConcertIsA404() throws Exception {
        when(queries.query(any(FindConcert.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.empty()));
        UUID id = UUID.randomUUID();

        problem(get("/api/concerts/{id}", id), 404).andExpect(jsonPath("$.detail").value("No concert with id " + id));
        problem(get("/api/concerts/not-a-uuid"), 404)
                .andExpect(jsonPath("$.detail").value("No concert with that id: concert ids are UUIDs"));
    }

    @Test
    void cancellingAnswers200() throws Exception {
        UUID id = UUID.randomUUID();
        when(commands.send(any())).thenReturn(CompletableFuture.completedFuture(null));

        mvc.perform(post("/api/concerts/{id}/cancel", id)).andExpect(status().isOk());
        verify(commands).send(new CancelConcert(id));
    }

    @Test
    void cancellingAnUnknownConcertIsA404() throws Exception {
        UUID id = UUID.randomUUID();
        when(commands.send(any())).thenReturn(CompletableFuture.failedFuture(
                new AggregateNotFoundException(id.toString(), "The aggregate was not found in the event store")));

        problem(post("/api/concerts/{id}/cancel", id), 404).andExpect(jsonPath("$.detail").value("No concert with id " + id));
    }

    @Test
    void aConflictThatSurvivedTheRetriesIsA409() throws Exception {
        when(commands.send(any())).thenReturn(CompletableFuture.failedFuture(new CommandExecutionException("failed",
                new ConcurrencyException("An event for aggregate [x] at sequence [4] was already inserted"))));

        problem(post("/api/concerts/{id}/cancel", UUID.randomUUID()), 409)
                .andExpect(jsonPath("$.title").value("Concurrent change"));
    }

    @Test
    void aCommandThatDoesNotAnswerInTimeIsA503() throws Exception {
        when(commands.send(any())).thenReturn(new CompletableFuture<>());

        problem(post("/api/concerts/{id}/cancel", UUID.randomUUID()), 503)
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.detail").value(endsWith("it may still complete")));
    }

    private ResultActions problem(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status));
    }
}
