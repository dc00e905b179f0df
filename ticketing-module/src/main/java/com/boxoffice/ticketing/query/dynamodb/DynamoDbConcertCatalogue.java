package com.boxoffice.ticketing.query.dynamodb;

import com.boxoffice.axon.dynamodb.support.TableClearer;
import com.boxoffice.ticketing.api.ConcertStatus;
import com.boxoffice.ticketing.api.ConcertView;
import com.boxoffice.ticketing.query.CatalogueChange;
import com.boxoffice.ticketing.query.CatalogueTime;
import com.boxoffice.ticketing.query.ConcertCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.boxoffice.ticketing.query.dynamodb.ConcertTable.*;

/**
 * The {@link ConcertCatalogue} in one DynamoDB table (see the package documentation for its layout). Every write is
 * conditional on the event's sequence number, so replays and duplicate deliveries are harmless.
 */
public final class DynamoDbConcertCatalogue implements ConcertCatalogue {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbConcertCatalogue.class);

    private final DynamoDbClient client;
    private final String tableName;
    private final TableClearer clearer;

    public DynamoDbConcertCatalogue(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
        this.clearer = new TableClearer(client, tableName, PK);
    }

    @Override
    public void add(ConcertView concert, long sequence) {
        String month = CatalogueTime.monthKey(concert.startsAt());
        // The month first: once the concert item exists, an open-ended listing must already know its month.
        client.updateItem(r -> r.tableName(tableName)
                .key(Map.of(PK, s(MONTHS_KEY)))
                .updateExpression("ADD #months :month")
                .expressionAttributeNames(Map.of("#months", MONTHS))
                .expressionAttributeValues(Map.of(":month", AttributeValue.fromSs(List.of(month)))));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(concert.concertId().toString()));
        item.put(NAME_ATTR, s(concert.name()));
        item.put(VENUE, s(concert.venue()));
        item.put(STARTS_AT, s(concert.startsAt().toString()));
        item.put(STARTS_AT_MS, n(CatalogueTime.epochMilli(concert.startsAt())));
        item.put(MONTH, s(month));
        item.put(CAPACITY, n(concert.capacity()));
        item.put(RESERVED, n(concert.capacity() - concert.available()));
        item.put(SOLD, n(0));
        item.put(TICKET_PRICE, s(concert.ticketPrice().toPlainString()));
        item.put(STATUS, s(concert.status().name()));
        item.put(SEQ, n(sequence));
        try {
            client.putItem(r -> r.tableName(tableName).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException replayed) {
            log.debug("Concert {} is in the catalogue already (event {} seen before)", concert.concertId(), sequence);
        }
    }

    @Override
    public void apply(UUID concertId, long sequence, CatalogueChange change) {
        Map<String, String> names = new HashMap<>(Map.of("#reserved", RESERVED, "#sold", SOLD, "#seq", SEQ));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":reserved", n(change.reservedDelta()), ":sold", n(change.soldDelta()), ":seq", n(sequence)));
        StringBuilder update = new StringBuilder("SET #reserved = #reserved + :reserved, #sold = #sold + :sold, #seq = :seq");
        if (change.cancels()) {
            update.append(", #status = :cancelled");
            names.put("#status", STATUS);
            values.put(":cancelled", s(ConcertStatus.CANCELLED.name()));
        }
        try {
            client.updateItem(r -> r.tableName(tableName)
                    .key(key(concertId))
                    .updateExpression(update.toString())
                    .conditionExpression("attribute_exists(pk) AND #seq < :seq")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            if (find(concertId).isEmpty()) {
                // Thrown so the processor retries: the scheduling event of this concert must be applied first.
                throw new IllegalStateException("Concert " + concertId + " is not in the catalogue table " + tableName
                        + "; cannot apply its event " + sequence, e);
            }
            log.debug("Event {} of concert {} was applied to the catalogue before", sequence, concertId);
        }
    }

    @Override
    public Optional<ConcertView> find(UUID concertId) {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(tableName).key(key(concertId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(view(item));
    }

    @Override
    public List<ConcertView> startingBetween(Instant from, Instant to) {
        YearMonth first = CatalogueTime.month(CatalogueTime.monthKey(from)).orElseThrow();
        YearMonth last = to == null ? null : CatalogueTime.month(CatalogueTime.monthKey(to)).orElseThrow();
        long fromMs = CatalogueTime.epochMilli(from);
        long toMs = to == null ? Long.MAX_VALUE : CatalogueTime.epochMilli(to);
        List<ConcertView> concerts = new ArrayList<>();
        for (String month : monthsWithConcerts()) {
            Optional<YearMonth> parsed = CatalogueTime.month(month);
            if (parsed.isEmpty()) {
                log.warn("Catalogue table {} lists a month key it cannot read, '{}'; skipped", tableName, month);
                continue;
            }
            YearMonth candidate = parsed.get();
            if (candidate.isBefore(first) || (last != null && candidate.isAfter(last))) {
                continue;
            }
            QueryRequest query = QueryRequest.builder()
                    .tableName(tableName)
                    .indexName(BY_START_MONTH)
                    .keyConditionExpression("#month = :month AND #startsAtMs BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#month", MONTH, "#startsAtMs", STARTS_AT_MS))
                    .expressionAttributeValues(Map.of(":month", s(month), ":from", n(fromMs), ":to", n(toMs)))
                    .build();
            client.queryPaginator(query).items().forEach(item -> concerts.add(view(item)));
        }
        concerts.sort(Comparator.comparing(ConcertView::startsAt).thenComparing(ConcertView::concertId));
        return concerts;
    }

    private List<String> monthsWithConcerts() {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(tableName)
                .key(Map.of(PK, s(MONTHS_KEY))).consistentRead(true)).item();
        if (item == null || !item.containsKey(MONTHS)) {
            return List.of();
        }
        return item.get(MONTHS).ss().stream().sorted().toList();
    }

    /** Deletes every item, the months item too (a scan: for replays only, never on a request's path). */
    @Override
    public void clear() {
        long deleted = clearer.clear();
        log.info("Catalogue table {} cleared ({} items) for a replay", tableName, deleted);
    }

    private static ConcertView view(Map<String, AttributeValue> item) {
        int capacity = Integer.parseInt(item.get(CAPACITY).n());
        int reserved = Integer.parseInt(item.get(RESERVED).n());
        int sold = Integer.parseInt(item.get(SOLD).n());
        return new ConcertView(UUID.fromString(item.get(PK).s()), item.get(NAME_ATTR).s(), item.get(VENUE).s(),
                Instant.parse(item.get(STARTS_AT).s()), capacity, capacity - reserved - sold,
                new BigDecimal(item.get(TICKET_PRICE).s()), ConcertStatus.valueOf(item.get(STATUS).s()));
    }

    static String month(Instant instant) {
        return CatalogueTime.monthKey(instant);
    }

    private static Map<String, AttributeValue> key(UUID concertId) {
        return Map.of(PK, s(concertId.toString()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
