package com.boxoffice.ticketing.domain;

import com.boxoffice.ticketing.api.ReservationIds;
import com.boxoffice.ticketing.api.TicketingException;
import com.boxoffice.ticketing.api.TicketsSoldOutException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Decides one batch of a concert's requests in one unit of work: the concert is loaded once, each request is decided
 * on the counts left by the ones before it, each new reservation is a new {@link TicketHold}, and the concert records
 * the tickets taken and given back once. The whole batch is one commit.
 * <p>
 * A first attempt trusts that a reservation is new (no read per order): if one is not, its hold's sequence 0 is taken,
 * the commit fails as a whole, and the next attempt loads every order's hold before deciding. Before a refusal, the
 * order's hold is read: a retry of a stored reservation is answered as the first time, even when it would not fit now. A refusal for want of
 * tickets decided on the cached concert rolls the attempt back and is decided again on a fresh load, so a concert
 * whose cache is stale (another instance released tickets) never turns a shopper away wrongly.
 */
public class ReservationBatches {

    /** 100 items per DynamoDB transaction: a hold's event per request and at most two events of the concert. */
    public static final int MAX_REQUESTS = 97;

    private static final Logger log = LoggerFactory.getLogger(ReservationBatches.class);

    private final Supplier<Repository<Concert>> concerts;
    private final Supplier<Repository<TicketHold>> holds;
    private final Supplier<EventStore> events;
    private final Cache concertCache;
    private final Clock clock;
    private final int maxAttempts;
    private final LongAdder batches = new LongAdder();
    private final LongAdder attempts = new LongAdder();

    /**
     * @param concerts     the concert's repository (looked up when first needed: Axon builds it after this)
     * @param holds        the holds' repository
     * @param events       the event store, asked whether a hold exists before it is loaded
     * @param concertCache the cache of the concerts' repository, evicted before a fresh load
     * @param maxAttempts  attempts of a batch that keeps losing races, at least 1
     */
    public ReservationBatches(Supplier<Repository<Concert>> concerts, Supplier<Repository<TicketHold>> holds,
                              Supplier<EventStore> events, Cache concertCache, Clock clock, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.concerts = concerts;
        this.holds = holds;
        this.events = events;
        this.concertCache = concertCache;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /** Batches decided so far, and the attempts they took: more attempts than batches are races lost (or re-checks). */
    public long batchesDecided() {
        return batches.sum();
    }

    public long attemptsMade() {
        return attempts.sum();
    }

    /** Decides the batch and answers every request in it, whatever happens. */
    void decide(UUID concertId, List<DeskRequest> batch) {
        boolean checked = false;
        boolean fresh = false;
        Throwable failure = null;
        batches.increment();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            attempts.increment();
            if (fresh) {
                concertCache.remove(concertId.toString());
            }
            ResultMessage<Object[]> result = attempt(concertId, batch, checked, fresh);
            if (!result.isExceptional()) {
                answer(batch, result.getPayload());
                return;
            }
            failure = result.exceptionResult();
            if (failure instanceof StaleRefusal) {
                fresh = true;
            } else if (causedBy(failure, AggregateStreamCreationException.class)) {
                checked = true; // an order of the batch has a hold already: read them all next time
                fresh = true;
            } else if (causedBy(failure, ConcurrencyException.class)) {
                fresh = true; // another instance committed the concert first
            } else {
                break;
            }
            log.debug("Batch of {} request(s) for concert {}: attempt {} lost a race ({}), deciding again",
                    batch.size(), concertId, attempt, failure.toString());
        }
        Throwable cause = failure;
        batch.forEach(request -> request.answer().completeExceptionally(cause));
    }

    private ResultMessage<Object[]> attempt(UUID concertId, List<DeskRequest> batch, boolean checked, boolean fresh) {
        // A command message, as Axon's repositories expect of the unit of work they load aggregates in.
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(
                GenericCommandMessage.asCommandMessage(new ReservationBatch(concertId, batch.size())));
        return unitOfWork.executeWithResult(() -> decideAll(concertId, batch, checked, fresh),
                RollbackConfigurationType.ANY_THROWABLE);
    }

    /** @return per request, its result, or the {@link TicketingException} refusing it */
    private Object[] decideAll(UUID concertId, List<DeskRequest> batch, boolean checked, boolean fresh) {
        Aggregate<Concert> concert = concerts.get().load(concertId.toString());
        Instant now = clock.instant();
        Map<UUID, Aggregate<TicketHold>> known = new HashMap<>();
        Object[] outcomes = new Object[batch.size()];
        int taken = 0;
        int returned = 0;
        List<UUID> reserving = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            DeskRequest request = batch.get(i);
            Aggregate<TicketHold> hold = known.get(request.orderId());
            if (hold == null && (checked || request instanceof DeskRequest.Release)) {
                hold = existingHold(request);
            }
            if (request instanceof DeskRequest.Reserve reserve) {
                if (hold != null) {
                    known.put(request.orderId(), hold);
                    outcomes[i] = repeated(hold, reserve);
                    continue;
                }
                int pending = taken - returned;
                TicketingException refusal = concert.invoke(c -> c.admit(reserve.command(), pending, now)).orElse(null);
                if (refusal != null && !checked && (hold = existingHold(request)) != null) {
                    // A retry of a stored reservation is answered as the first time, even when it would not fit now.
                    known.put(request.orderId(), hold);
                    outcomes[i] = repeated(hold, reserve);
                    continue;
                }
                if (refusal instanceof TicketsSoldOutException && !fresh) {
                    throw new StaleRefusal();
                }
                if (refusal != null) {
                    outcomes[i] = refusal;
                    continue;
                }
                var price = concert.invoke(Concert::ticketPrice);
                Aggregate<TicketHold> created = newHold(() -> new TicketHold(reserve.command(), price, reserve.correlation()));
                known.put(request.orderId(), created);
                taken += reserve.command().quantity();
                reserving.add(request.orderId());
                outcomes[i] = created.invoke(TicketHold::reservation);
            } else if (request instanceof DeskRequest.Release release) {
                if (hold == null) {
                    known.put(request.orderId(), newHold(() -> new TicketHold(concertId, release.orderId(),
                            release.command().reason(), release.correlation())));
                } else {
                    returned += hold.invoke(h -> h.release(release.command().reason(), release.correlation()));
                }
                outcomes[i] = null;
            }
        }
        int givenBack = returned;
        int allocated = taken;
        concert.execute(c -> {
            c.giveBack(givenBack);
            c.allocate(allocated, reserving);
        });
        return outcomes;
    }

    private static Object repeated(Aggregate<TicketHold> hold, DeskRequest.Reserve reserve) {
        try {
            return hold.invoke(h -> h.repeat(reserve.command()));
        } catch (TicketingException refusal) {
            return refusal;
        }
    }

    /** The order's hold, or null; asks the store first, as loading a missing aggregate is a logged failure in Axon. */
    private Aggregate<TicketHold> existingHold(DeskRequest request) {
        String id = ReservationIds.of(request.concertId(), request.orderId());
        if (events.get().lastSequenceNumberFor(id).isEmpty()) {
            return null;
        }
        try {
            return holds.get().load(id);
        } catch (AggregateNotFoundException none) {
            return null;
        }
    }

    private Aggregate<TicketHold> newHold(java.util.concurrent.Callable<TicketHold> factory) {
        try {
            return holds.get().newInstance(factory);
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private static void answer(List<DeskRequest> batch, Object[] outcomes) {
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes[i] instanceof TicketingException refusal) {
                batch.get(i).answer().completeExceptionally(refusal);
            } else {
                batch.get(i).answer().complete(outcomes[i]);
            }
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The message of a batch's unit of work: what the logs and correlation data of the concert's own event show. */
    record ReservationBatch(UUID concertId, int requests) {
    }

    /** Rolls back an attempt whose refusal for want of tickets came from a cached concert. */
    private static final class StaleRefusal extends RuntimeException {
        StaleRefusal() {
            super("A refusal decided on a cached concert is decided again on a fresh load", null, false, false);
        }
    }
}
