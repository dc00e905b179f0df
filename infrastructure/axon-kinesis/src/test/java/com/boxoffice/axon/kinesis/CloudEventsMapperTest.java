package com.boxoffice.axon.kinesis;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventsMapperTest {

    private final CloudEventsMapper mapper = CloudEventsMapper.defaults();
    private final JsonMapper json = JsonMapper.builder().build();
    private final KinesisShardToken token = KinesisShardToken.tail().advancedTo("shardId-000000000000", "42");

    private static DomainEventMessage<SeatReserved> seatReserved() {
        return new GenericDomainEventMessage<>("Concert", "concert-7", 3, new SeatReserved("concert-7", 12, "ann"),
                MetaData.with("correlationId", "c-1").and("requestId", "r-9").and("causationId", "m-0")
                        .and("tenant", "eu").and("attempt", 2));
    }

    @Test
    void writesAStructuredCloudEvent() {
        DomainEventMessage<SeatReserved> event = seatReserved();

        JsonNode ce = json.readTree(mapper.toCloudEvent(event, false));

        assertThat(ce.get("specversion").asString()).isEqualTo("1.0");
        assertThat(ce.get("id").asString()).isEqualTo(event.getIdentifier());
        assertThat(ce.get("source").asString()).isEqualTo("/");
        assertThat(ce.get("type").asString()).isEqualTo(SeatReserved.class.getName());
        assertThat(ce.get("subject").asString()).isEqualTo("concert-7");
        assertThat(ce.get("time").asString()).isEqualTo(event.getTimestamp().toString());
        assertThat(ce.get("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(ce.get("data").get("seat").asInt()).isEqualTo(12);
        assertThat(ce.get("data").get("customer").asString()).isEqualTo("ann");
        assertThat(ce.get("aggregatetype").asString()).isEqualTo("Concert");
        assertThat(ce.get("sequence").asLong()).isEqualTo(3);
        assertThat(ce.get("correlationid").asString()).isEqualTo("c-1");
        assertThat(ce.get("requestid").asString()).isEqualTo("r-9");
        assertThat(ce.get("causationid").asString()).isEqualTo("m-0");
        assertThat(ce.get("replay").asBoolean()).isFalse();
        assertThat(ce.get("axonmetadata").isString()).as("extension values are scalars").isTrue();
    }

    @Test
    void marksReplayedRecords() {
        assertThat(json.readTree(mapper.toCloudEvent(seatReserved(), true)).get("replay").asBoolean()).isTrue();
    }

    @Test
    void readsTheEventBackWithItsIdentityTimeAggregateAndMetadata() {
        DomainEventMessage<SeatReserved> event = seatReserved();

        TrackedEventMessage<?> back = mapper.fromCloudEvent(mapper.toCloudEvent(event, false), token);

        assertThat(back).isInstanceOf(DomainEventMessage.class);
        DomainEventMessage<?> domain = (DomainEventMessage<?>) back;
        assertThat(domain.getIdentifier()).isEqualTo(event.getIdentifier());
        assertThat(domain.getTimestamp()).isEqualTo(event.getTimestamp());
        assertThat(domain.getAggregateIdentifier()).isEqualTo("concert-7");
        assertThat(domain.getType()).isEqualTo("Concert");
        assertThat(domain.getSequenceNumber()).isEqualTo(3);
        assertThat(domain.getPayload()).isEqualTo(event.getPayload());
        assertThat(domain.getMetaData()).isEqualTo(event.getMetaData());
        assertThat(back.trackingToken()).isEqualTo(token);
    }

    @Test
    void eventsWithoutAggregateArePartitionedByTheirOwnIdentifier() {
        EventMessage<SeatReserved> event = GenericEventMessage.asEventMessage(new SeatReserved("c", 1, "bob"));

        JsonNode ce = json.readTree(mapper.toCloudEvent(event, false));
        TrackedEventMessage<?> back = mapper.fromCloudEvent(mapper.toCloudEvent(event, false), token);

        assertThat(CloudEventsMapper.partitionKey(event)).isEqualTo(event.getIdentifier());
        assertThat(CloudEventsMapper.partitionKey(seatReserved())).isEqualTo("concert-7");
        assertThat(ce.has("subject")).isFalse();
        assertThat(ce.has("sequence")).isFalse();
        assertThat(back).isNotInstanceOf(DomainEventMessage.class);
        assertThat(back.getIdentifier()).isEqualTo(event.getIdentifier());
        assertThat(back.getPayload()).isEqualTo(event.getPayload());
    }

    @Test
    void anUnknownTypeStaysJsonAndKeepsItsTypeName() {
        String record = """
                {"specversion":"1.0","id":"e-1","source":"/billing","type":"com.acme.billing.InvoiceSent",
                 "subject":"inv-1","sequence":0,"time":"2026-01-02T03:04:05.123456Z",
                 "datacontenttype":"application/json","data":{"amount":12.50},"correlationid":"c-7"}""";

        TrackedEventMessage<?> back = mapper.fromCloudEvent(record.getBytes(StandardCharsets.UTF_8), token);

        assertThat(back.getPayload()).isInstanceOf(JsonNode.class);
        assertThat(((JsonNode) back.getPayload()).get("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(back.getMetaData()).containsEntry(CloudEventsMapper.UNRESOLVED_TYPE_KEY, "com.acme.billing.InvoiceSent")
                .containsEntry("correlationId", "c-7");
        assertThat(back.getTimestamp()).hasToString("2026-01-02T03:04:05.123456Z");
        assertThat(((DomainEventMessage<?>) back).getAggregateIdentifier()).isEqualTo("inv-1");
    }

    @Test
    void sourcesComeFromThePackageOrTheConfiguredPrefixes() {
        CloudEventSourceResolver sources = PackageCloudEventSources.builder()
                .prefixes(Map.of("com.acme", "/acme", "com.acme.billing", "/billing"))
                .contextsUnder("com.boxoffice", "/boxoffice")
                .fallback("/other")
                .build();

        assertThat(sources.sourceOf("com.boxoffice.ticketing.api.TicketsReserved")).isEqualTo("/boxoffice/ticketing");
        assertThat(sources.sourceOf("com.boxoffice.cart.api.CartCheckedOut")).isEqualTo("/boxoffice/cart");
        assertThat(sources.sourceOf("com.acme.billing.InvoiceSent")).isEqualTo("/billing");
        assertThat(sources.sourceOf("com.acme.Thing")).isEqualTo("/acme");
        assertThat(sources.sourceOf("java.lang.String")).isEqualTo("/other");
        assertThat(sources.sourceOf("com.boxoffice.Loose")).as("no segment below the base package").isEqualTo("/other");
        assertThat(PackageCloudEventSources.builder().build().sourceOf("com.boxoffice.cart.api.CartCheckedOut"))
                .as("nothing configured").isEqualTo("/");
    }
}
