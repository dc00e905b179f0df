package com.boxoffice.app;

import com.boxoffice.app.testing.DemoTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations view of the running application over HTTP: the {@code dynamoDb} and {@code kinesis} health components,
 * and after one command the meters at {@code /actuator/prometheus}: Axon's own, the event store's, the processors' lag
 * and the Kinesis publisher's lag.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "boxoffice.dynamodb.embedded.in-memory=true")
class OperationsMetricsHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    /** As the demo user allowed to make each request: the actuator beyond health is for operators. */
    private RestClient http() {
        String base = "http://localhost:" + port;
        return RestClient.builder().baseUrl(base).requestInterceptor((request, body, execution) -> {
            request.getHeaders().set("Authorization", DemoTokens.bearer(base,
                    DemoTokens.userFor(request.getMethod().name(), request.getURI().getPath())));
            return execution.execute(request, body);
        }).build();
    }

    @Test
    void anonymousCallersSeeTheHealthStatusOnlyAndNoOtherEndpoint() {
        RestClient anonymous = RestClient.create("http://localhost:" + port);
        Map<String, Object> health = map(anonymous.get().uri("/actuator/health").retrieve().body(Map.class));
        assertThat(health).containsEntry("status", "UP").doesNotContainKey("components");
        for (String endpoint : new String[]{"/actuator/prometheus", "/actuator/metrics"}) {
            assertThat((Integer) anonymous.get().uri(endpoint).exchange((request, response) -> Integer.valueOf(response.getStatusCode().value()), true))
                    .as(endpoint).isEqualTo(401);
        }
        RestClient customer = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", DemoTokens.bearer("http://localhost:" + port, DemoTokens.CUSTOMER)).build();
        assertThat(map(customer.get().uri("/actuator/health").retrieve().body(Map.class))).doesNotContainKey("components");
        assertThat((Integer) customer.get().uri("/actuator/prometheus").exchange((request, response) -> Integer.valueOf(response.getStatusCode().value()), true))
                .isEqualTo(403);
    }

    @Test
    void healthShowsDynamoDbWithItsTablesAndKinesis() {
        Map<String, Object> health = map(http().get().uri("/actuator/health").retrieve().body(Map.class));

        Map<String, Object> components = map(health.get("components"));
        assertThat(components).containsKeys("dynamoDb", "kinesis");
        Map<String, Object> dynamoDb = map(components.get("dynamoDb"));
        assertThat(dynamoDb.get("status")).isEqualTo("UP");
        Map<String, Object> details = map(dynamoDb.get("details"));
        assertThat(details.get("mode")).isEqualTo("EMBEDDED");
        assertThat((String) details.get("endpoint")).startsWith("http://");
        assertThat(map(details.get("tables"))).containsEntry("boxoffice-events", "ACTIVE")
                .containsEntry("boxoffice-event-heads", "ACTIVE").containsEntry("boxoffice-snapshots", "ACTIVE")
                .containsEntry("boxoffice-tokens", "ACTIVE");
        assertThat(map(map(components.get("kinesis")).get("details"))).containsKey("stream");
    }

    @Test
    void healthNamesNoPathOfThisMachine() {
        String health = http().get().uri("/actuator/health").retrieve().body(String.class);

        assertThat(health).doesNotContain(System.getProperty("user.dir")).doesNotContain("\"path\"")
                .doesNotContain(System.getProperty("java.io.tmpdir") + "/");
        assertThat(map(map(http().get().uri("/actuator/health").retrieve().body(Map.class)).get("components")))
                .doesNotContainKey("diskSpace");
    }

    /**
     * No second registry: without EventStoreMetricsAutoConfiguration's ordering, Axon's auto-configuration adds a
     * SimpleMeterRegistry and Boot a composite over both, keeping every meter twice.
     */
    @Test
    void theOnlyMeterRegistryIsPrometheus() {
        assertThat(context.getBeansOfType(MeterRegistry.class).values())
                .singleElement().isInstanceOf(PrometheusMeterRegistry.class);
    }

    @Test
    void aCommandShowsUpInTheEventStoreAxonAndLagMeters() {
        String body = """
                {"name":"Metrics Night","venue":"Test Hall","startsAt":"%s","capacity":50,"ticketPrice":"20.00"}"""
                .formatted(Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        var created = http().post().uri("/api/concerts").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toBodilessEntity();
        assertThat(created.getStatusCode().value()).isEqualTo(201);

        // The processors and the publisher pick the event up a moment later.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String scrape = http().get().uri("/actuator/prometheus").accept(MediaType.TEXT_PLAIN)
                    .retrieve().body(String.class);
            assertThat(value(scrape, "boxoffice_eventstore_append_seconds_count\\{[^}]*outcome=\"success\"[^}]*}"))
                    .as(scrape).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "boxoffice_eventstore_consumed_capacity_total\\{[^}]*operation=\"write\","
                    + "table=\"boxoffice-events\"[^}]*}")).as(scrape).isPositive();
            assertThat(value(scrape, "boxoffice_eventstore_consumed_capacity_total\\{[^}]*operation=\"read\","
                    + "table=\"boxoffice-event-heads\"[^}]*}")).as(scrape).isPositive();
            assertThat(scrape).contains("boxoffice_eventstore_conflicts_total{kind=\"partition-head\"}");
            // Every streaming processor of this node has a lag, 0 once it has passed the concert's event.
            assertThat(value(scrape, "boxoffice_processor_lag\\{processor=\"kinesis-publisher\"}")).as(scrape).isZero();
            assertThat(value(scrape, "boxoffice_processor_lag\\{processor=\"ticketing-catalogue\"}")).as(scrape).isZero();
            assertThat(value(scrape, "boxoffice_kinesis_publish_lag_events\\{[^}]*}")).as(scrape).isZero();
            // Axon's own (axon-micrometer), dimensional: tagged by payload type and processor, not one name each.
            assertThat(value(scrape, "commandBus_successCounter_total\\{payloadType=\"ScheduleConcert\"}"))
                    .as(scrape).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "eventProcessor_successCounter_total\\{payloadType=\"ConcertScheduled\","
                    + "processorName=\"ticketing-catalogue\"}")).as(scrape).isGreaterThanOrEqualTo(1);
            assertThat(scrape).containsPattern("(?m)^eventProcessor_latency\\{processorName=\"ticketing-catalogue\"} ");
        });
        // Once the publisher has put the event on the stream (created by that first publish), Kinesis is UP.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Object> kinesis = map(map(map(http().get().uri("/actuator/health").retrieve().body(Map.class))
                    .get("components")).get("kinesis"));
            assertThat(kinesis.get("status")).as(kinesis.toString()).isEqualTo("UP");
            assertThat(map(kinesis.get("details"))).containsEntry("lagEvents", 0);
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        assertThat(json).isInstanceOf(Map.class);
        return (Map<String, Object>) json;
    }

    /** The value of the first sample line matching {@code sample}; fails when there is none. */
    private static double value(String scrape, String sample) {
        Matcher matcher = Pattern.compile("(?m)^" + sample + " (\\S+)").matcher(scrape);
        assertThat(matcher.find()).as("a sample " + sample).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
