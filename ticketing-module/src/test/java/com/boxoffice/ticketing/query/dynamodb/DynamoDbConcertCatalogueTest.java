package com.boxoffice.ticketing.query.dynamodb;

import com.boxoffice.axon.springboot.dynamodb.DynamoDbClients;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbConnection;
import com.boxoffice.axon.dynamodb.schema.TableCreator;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbProperties;
import com.boxoffice.testing.LocalDynamoDb;
import com.boxoffice.ticketing.api.ConcertStatus;
import com.boxoffice.ticketing.api.ConcertView;
import com.boxoffice.ticketing.query.CatalogueChange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DynamoDbConcertCatalogueTest {

    private static final BigDecimal PRICE = new BigDecimal("45.00");
    /** The requests the client sent, by request class name, so a test can tell a Query from a Scan. */
    private static final Queue<String> requests = new ConcurrentLinkedQueue<>();
    private static DynamoDbClient client;

    private DynamoDbConcertCatalogue catalogue;

    @BeforeAll
    static void connect() {
        client = DynamoDbClients.create(DynamoDbConnection.open(DynamoDbProperties.ofEndpoint(LocalDynamoDb.endpoint(), "unused-")),
                builder -> builder.overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        requests.add(context.request().getClass().getSimpleName());
                    }
                })));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @BeforeEach
    void createTable() {
        String tableName = LocalDynamoDb.uniquePrefix() + ConcertTable.NAME;
        new TableCreator(client).createMissing(List.of(ConcertTable.spec(tableName)));
        catalogue = new DynamoDbConcertCatalogue(client, tableName);
    }

    @Test
    void storesAndReadsAConcertExactly() {
        ConcertView concert = concert("Nils Frahm", "Elbphilharmonie", "2026-09-12T19:30:00.123456Z");
        catalogue.add(concert, 0);

        assertThat(catalogue.find(concert.concertId())).contains(concert);
        assertThat(catalogue.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void changesMoveTheCountersAndTheStatus() {
        ConcertView concert = concert("Nils Frahm", "Elbphilharmonie", "2026-09-12T19:30:00Z");
        catalogue.add(concert, 0);

        catalogue.apply(concert.concertId(), 1, CatalogueChange.allocated(4));
        catalogue.apply(concert.concertId(), 2, new CatalogueChange(-3, 3, false));
        catalogue.apply(concert.concertId(), 3, CatalogueChange.returned(1));
        catalogue.apply(concert.concertId(), 4, CatalogueChange.cancelled());

        ConcertView read = catalogue.find(concert.concertId()).orElseThrow();
        assertThat(read.available()).isEqualTo(concert.capacity() - 3);
        assertThat(read.status()).isEqualTo(ConcertStatus.CANCELLED);
    }

    @Test
    void aReplayedOrDuplicatedEventChangesNothing() {
        ConcertView concert = concert("Nils Frahm", "Elbphilharmonie", "2026-09-12T19:30:00Z");
        catalogue.add(concert, 0);
        catalogue.apply(concert.concertId(), 1, CatalogueChange.allocated(4));
        catalogue.apply(concert.concertId(), 2, CatalogueChange.allocated(2));

        // The processor delivers the stream again from the start (no reset): every write is refused by its condition.
        catalogue.add(concert, 0);
        catalogue.apply(concert.concertId(), 1, CatalogueChange.allocated(4));
        catalogue.apply(concert.concertId(), 2, CatalogueChange.allocated(2));

        assertThat(catalogue.find(concert.concertId()).orElseThrow().available()).isEqualTo(concert.capacity() - 6);
    }

    @Test
    void aChangeForAnUnknownConcertIsAnError() {
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> catalogue.apply(unknown, 1, CatalogueChange.allocated(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(unknown.toString());
    }

    @Test
    void aDateRangeSpanningMonthsAndAYearQueriesEachMonth() {
        ConcertView endOfNovember = add("A", "2026-11-30T23:59:59.999Z");
        add("before the range", "2026-11-14T23:59:59Z");
        ConcertView december = add("B", "2026-12-24T20:00:00Z");
        ConcertView startOfJanuary = add("C", "2027-01-01T00:00:00Z");
        ConcertView februaryEdge = add("D", "2027-02-03T12:00:00Z");
        add("after the range", "2027-02-03T12:00:00.001Z");
        add("much later", "2028-05-01T20:00:00Z");

        requests.clear();
        List<ConcertView> found = catalogue.startingBetween(Instant.parse("2026-11-15T00:00:00Z"),
                Instant.parse("2027-02-03T12:00:00Z"));

        assertThat(found).containsExactly(endOfNovember, december, startOfJanuary, februaryEdge);
        assertThat(requests).as("index reads only, never a scan").containsOnly("GetItemRequest", "QueryRequest")
                .filteredOn("QueryRequest"::equals).hasSize(4);
    }

    @Test
    void anOpenEndedRangeQueriesOnlyMonthsThatHaveConcerts() {
        add("past", "2026-01-10T20:00:00Z");
        ConcertView soon = add("soon", "2026-03-01T20:00:00Z");
        ConcertView later = add("later", "2031-07-01T20:00:00Z");

        requests.clear();
        assertThat(catalogue.startingBetween(Instant.parse("2026-02-01T00:00:00Z"), null)).containsExactly(soon, later);
        assertThat(requests).filteredOn("QueryRequest"::equals).hasSize(2);
    }

    @Test
    void concertsOfOneInstantAreOrderedById() {
        ConcertView first = add("x", "2026-10-01T20:00:00Z");
        ConcertView second = add("y", "2026-10-01T20:00:00Z");

        assertThat(catalogue.startingBetween(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-02T00:00:00Z")))
                .containsExactlyElementsOf(first.concertId().compareTo(second.concertId()) < 0
                        ? List.of(first, second) : List.of(second, first));
    }

    @Test
    void clearRemovesEverythingAndAReplayRebuildsIt() {
        ConcertView concert = add("Nils Frahm", "2026-09-12T19:30:00Z");
        for (int i = 0; i < 30; i++) {
            add("filler " + i, "2026-10-01T20:00:00Z");
        }
        catalogue.apply(concert.concertId(), 1, CatalogueChange.allocated(4));

        catalogue.clear();
        assertThat(catalogue.find(concert.concertId())).isEmpty();
        assertThat(catalogue.startingBetween(Instant.parse("2026-01-01T00:00:00Z"), null)).isEmpty();

        catalogue.add(concert, 0);
        catalogue.apply(concert.concertId(), 1, CatalogueChange.allocated(4));
        assertThat(catalogue.startingBetween(Instant.parse("2026-01-01T00:00:00Z"), null))
                .extracting(ConcertView::available).containsExactly(concert.capacity() - 4);
    }

    private ConcertView add(String name, String startsAt) {
        ConcertView concert = concert(name, "Venue", startsAt);
        catalogue.add(concert, 0);
        return concert;
    }

    private static ConcertView concert(String name, String venue, String startsAt) {
        return new ConcertView(UUID.randomUUID(), name, venue, Instant.parse(startsAt), 100, 100, PRICE,
                ConcertStatus.SCHEDULED);
    }
}
