package com.boxoffice.ticketing.domain;

import com.boxoffice.ticketing.api.InvalidReservationException;
import com.boxoffice.ticketing.api.ReleaseReservation;
import com.boxoffice.ticketing.api.Reservation;
import com.boxoffice.ticketing.api.ReserveTickets;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where reservations and releases of a concert are decided: many at a time, in one unit of work and one commit per
 * concert.
 * <p>
 * Why: every reservation changes the concert's count, and the count of one concert can only change one commit at a
 * time. Deciding reservations one by one caps a concert at one commit's latency per reservation; here, while a batch
 * commits, the requests that arrive queue up and become the next batch (at most {@code maxBatch}), so a hot concert
 * gets more reservations per commit the busier it is, and an idle one answers at the latency of a single commit.
 * <p>
 * Guarantees: a command's answer is given only after its batch is stored (or refused without storing anything). A
 * refusal for want of tickets is always decided on a freshly loaded concert, never on a cached one. Each request
 * keeps its sender's correlation data (trace and request ids) on its events. A batch that loses a race (another
 * instance committed the concert first, or an order's reservation already exists) is decided again on the new state,
 * up to {@code maxAttempts} times, and then fails every request with the conflict, which the sender may retry.
 * <p>
 * One thread per concert with work queued, from a pool that grows with the concerts on sale at the same moment.
 */
public class ReservationDesk implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReservationDesk.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final ReservationBatches batches;
    private final int maxBatch;
    private final Duration answerTimeout;
    private final Map<UUID, ConcertLane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService workers;

    /**
     * @param batches       decides one batch of a concert in one unit of work
     * @param maxBatch      requests per batch, 1 to {@link ReservationBatches#MAX_REQUESTS}
     * @param answerTimeout how long a command waits for its batch; then it fails and may be retried (idempotently)
     */
    public ReservationDesk(ReservationBatches batches, int maxBatch, Duration answerTimeout) {
        if (maxBatch < 1 || maxBatch > ReservationBatches.MAX_REQUESTS) {
            throw new IllegalArgumentException("maxBatch must be 1.." + ReservationBatches.MAX_REQUESTS + ", was " + maxBatch);
        }
        this.batches = batches;
        this.maxBatch = maxBatch;
        this.answerTimeout = answerTimeout;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "reservation-desk-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @CommandHandler
    public Reservation handle(ReserveTickets command) {
        if (command.concertId() == null) {
            throw new InvalidReservationException("concertId is required to reserve tickets");
        }
        if (command.orderId() == null) {
            throw new InvalidReservationException("orderId is required to reserve tickets of concert " + command.concertId());
        }
        if (command.quantity() < 1) {
            throw new InvalidReservationException("quantity must be at least 1, was " + command.quantity());
        }
        return (Reservation) await(submit(new DeskRequest.Reserve(command, senderCorrelation())));
    }

    @CommandHandler
    public void handle(ReleaseReservation command) {
        if (command.concertId() == null || command.orderId() == null) {
            throw new InvalidReservationException("concertId and orderId are required to release a reservation");
        }
        await(submit(new DeskRequest.Release(command, senderCorrelation())));
    }

    private CompletableFuture<Object> submit(DeskRequest request) {
        ConcertLane lane = lanes.computeIfAbsent(request.concertId(), ConcertLane::new);
        lane.queue.add(request);
        if (lane.draining.compareAndSet(false, true)) {
            try {
                workers.execute(() -> drain(lane));
            } catch (RejectedExecutionException closed) {
                lane.draining.set(false);
                lane.take(Integer.MAX_VALUE).forEach(queued -> queued.answer()
                        .completeExceptionally(new ReservationDeskBusyException("The application is shutting down")));
            }
        }
        return request.answer();
    }

    /** Decides batches while requests are queued; the last one out makes sure no request is left behind. */
    private void drain(ConcertLane lane) {
        while (true) {
            var batch = lane.take(maxBatch);
            if (batch.isEmpty()) {
                lane.draining.set(false);
                if (lane.queue.isEmpty() || !lane.draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            try {
                batches.decide(lane.concertId, batch);
            } catch (RuntimeException | Error e) {
                // decide() answers every request itself; this is a bug's last line, so no sender waits for ever.
                log.error("Reservation batch of concert {} failed unexpectedly", lane.concertId, e);
                batch.forEach(request -> request.answer().completeExceptionally(e));
            }
        }
    }

    private Object await(CompletableFuture<Object> answer) {
        try {
            return answer.get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new ReservationDeskBusyException("No answer within " + answerTimeout.toMillis()
                    + " ms; the request may still be decided, and a retry is answered the same way");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReservationDeskBusyException("Interrupted while waiting for the reservation's batch");
        }
    }

    /** The sender's correlation data (trace, request id), which the batch's events must carry, not the batch's. */
    private static MetaData senderCorrelation() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getCorrelationData() : MetaData.emptyInstance();
    }

    /**
     * Lets the batches being decided finish (a few seconds at most), then fails the requests still queued, so no
     * sender waits for a desk that is gone. Interrupting a batch mid-commit would leave its senders unsure whether it
     * was stored; a retry would still be answered correctly, but there is no need to cause one.
     */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        lanes.values().forEach(lane -> lane.take(Integer.MAX_VALUE).forEach(request -> request.answer()
                .completeExceptionally(new ReservationDeskBusyException("The application is shutting down"))));
    }
}
