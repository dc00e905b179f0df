package com.boxoffice.ticketing.query;

import com.boxoffice.ticketing.api.ConcertStatus;
import com.boxoffice.ticketing.api.ConcertView;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A test double of the catalogue port with the same sequence-number semantics as the DynamoDB adapter. */
final class InMemoryConcertCatalogue implements ConcertCatalogue {

    private record Entry(ConcertView view, long sequence) {
    }

    private final Map<UUID, Entry> entries = new LinkedHashMap<>();

    @Override
    public void add(ConcertView concert, long sequence) {
        entries.putIfAbsent(concert.concertId(), new Entry(concert, sequence));
    }

    @Override
    public void apply(UUID concertId, long sequence, CatalogueChange change) {
        Entry entry = entries.get(concertId);
        if (entry == null) {
            throw new IllegalStateException("Concert " + concertId + " is not in the catalogue");
        }
        if (sequence <= entry.sequence()) {
            return;
        }
        ConcertView v = entry.view();
        entries.put(concertId, new Entry(new ConcertView(v.concertId(), v.name(), v.venue(), v.startsAt(), v.capacity(),
                v.available() - change.reservedDelta() - change.soldDelta(), v.ticketPrice(),
                change.cancels() ? ConcertStatus.CANCELLED : v.status()), sequence));
    }

    @Override
    public Optional<ConcertView> find(UUID concertId) {
        return Optional.ofNullable(entries.get(concertId)).map(Entry::view);
    }

    @Override
    public List<ConcertView> startingBetween(Instant from, Instant to) {
        return entries.values().stream().map(Entry::view)
                .filter(v -> !v.startsAt().isBefore(from) && (to == null || !v.startsAt().isAfter(to)))
                .sorted(Comparator.comparing(ConcertView::startsAt))
                .toList();
    }

    @Override
    public void clear() {
        entries.clear();
    }
}
