package com.boxoffice.kernel.admin;

import com.boxoffice.axon.dynamodb.tokenstore.ClaimedSegment;
import com.boxoffice.axon.dynamodb.tokenstore.DynamoDbTokenStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Shows the streaming event processors of this application with their segments as the token store holds them (owner,
 * position, lag), and resets one: stop it here, move every segment's token, start it again.
 * <p>
 * A reset needs every segment: Axon claims each one before it moves the tokens. Segments still claimed by another
 * instance make it refuse ({@link ResetRefusedException}) before anything is changed; the processor then runs again here
 * as before. With the DynamoDB token store the claims are checked up front, so the refusal can name the instances.
 */
public class ProcessorAdminService {

    private static final Logger log = LoggerFactory.getLogger(ProcessorAdminService.class);

    private final EventProcessingConfiguration processing;
    private final Supplier<TrackingToken> head;
    private final Duration shutdownTimeout;
    private final Clock clock;

    /**
     * @param head the head of the event store, for lags; may answer {@code null} (lags are then unknown)
     */
    public ProcessorAdminService(EventProcessingConfiguration processing, Supplier<TrackingToken> head,
                                 Duration shutdownTimeout, Clock clock) {
        this.processing = processing;
        this.head = head;
        this.shutdownTimeout = shutdownTimeout;
        this.clock = clock;
    }

    public List<ProcessorStatus> list() {
        TrackingToken headToken = readHead();
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(EventProcessor::getName))
                .map(processor -> status(processor, headToken))
                .toList();
    }

    public ProcessorStatus status(String name) {
        return status(streaming(name), readHead());
    }

    /** Parses where to, relative to this service's clock; see {@link ResetTarget#parse}. */
    public ResetTarget target(String to) {
        return ResetTarget.parse(to, clock.instant());
    }

    /** One reset at a time: two operators resetting the same processor concurrently would stop each other's restart. */
    public synchronized ProcessorStatus reset(String name, ResetTarget target) {
        StreamingEventProcessor processor = streaming(name);
        if (!processor.supportsReset()) {
            throw new ResetRefusedException("Processor '" + name + "' does not support a reset: its handlers refuse"
                    + " replays (@DisallowReplay), typically because they have effects outside this application");
        }
        log.warn("Resetting processor {} to {}", name, target);
        try {
            stop(processor);
            refuseIfClaimedElsewhere(name);
            processor.resetTokens(startPosition(target));
        } catch (UnableToClaimTokenException e) {
            throw new ResetRefusedException(claimedElsewhereAdvice(name, e.getMessage()), e);
        } catch (IllegalStateException e) {
            throw new ResetRefusedException("Processor '" + name + "' refused the reset: " + e.getMessage(), e);
        } finally {
            // Running again in every case: after a reset it replays; after a refusal it goes on where it was.
            processor.start();
        }
        log.warn("Processor {} reset to {} and started", name, target);
        return status(processor, readHead());
    }

    private void stop(StreamingEventProcessor processor) {
        try {
            processor.shutdownAsync().get(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResetRefusedException("Interrupted while stopping processor '" + processor.getName() + "'", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ResetRefusedException("Processor '" + processor.getName() + "' did not stop within "
                    + shutdownTimeout.toSeconds() + " s, so it was not reset; try again", e);
        }
    }

    private void refuseIfClaimedElsewhere(String name) {
        if (!(processing.tokenStore(name) instanceof DynamoDbTokenStore store)) {
            return; // Axon's own claim then refuses with UnableToClaimTokenException
        }
        Map<String, List<Integer>> elsewhere = store.describe(name).stream()
                .filter(segment -> segment.heldByAnotherThan(store.owner()))
                .collect(Collectors.groupingBy(ClaimedSegment::owner, Collectors.mapping(ClaimedSegment::segment, Collectors.toList())));
        if (!elsewhere.isEmpty()) {
            throw new ResetRefusedException(claimedElsewhereAdvice(name, "segments claimed by " + elsewhere));
        }
    }

    private static String claimedElsewhereAdvice(String name, String claims) {
        return "Processor '" + name + "' cannot be reset from this instance while other instances process it ("
                + claims + "). A reset moves every segment's token, and this instance can only move tokens nobody else"
                + " claims: stop the processor on the other instances (or the instances), wait until their claims are"
                + " released or expire (the token store's claim timeout), and try again. Nothing was reset; the"
                + " processor runs again here.";
    }

    private static Function<StreamableMessageSource<TrackedEventMessage<?>>, TrackingToken> startPosition(ResetTarget target) {
        if (target instanceof ResetTarget.At at) {
            return source -> source.createTokenAt(at.instant());
        }
        return target instanceof ResetTarget.Head ? StreamableMessageSource::createHeadToken
                : StreamableMessageSource::createTailToken;
    }

    private StreamingEventProcessor streaming(String name) {
        EventProcessor processor = processing.eventProcessors().get(name);
        if (processor == null) {
            throw new UnknownProcessorException(name);
        }
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            throw new ResetRefusedException("Processor '" + name + "' is a " + processor.getClass().getSimpleName()
                    + ": it handles events as they are published and keeps no tokens, so there is nothing to reset");
        }
        return streaming;
    }

    private ProcessorStatus status(StreamingEventProcessor processor, TrackingToken headToken) {
        List<SegmentStatus> segments = segments(processor, headToken);
        Long lag = segments.isEmpty() || segments.stream().anyMatch(segment -> segment.lag() == null) ? null
                : segments.stream().mapToLong(SegmentStatus::lag).max().orElseThrow();
        return new ProcessorStatus(processor.getName(), type(processor), processor.isRunning(), processor.isError(),
                processor.isReplaying(), processor.supportsReset(), segments, lag);
    }

    /** From the token store when it can say who owns what; else what this instance processes. */
    private List<SegmentStatus> segments(StreamingEventProcessor processor, TrackingToken headToken) {
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        TokenStore tokenStore = processing.tokenStore(processor.getName());
        if (tokenStore instanceof DynamoDbTokenStore store) {
            return store.describe(processor.getName()).stream()
                    .map(stored -> {
                        EventTrackerStatus here = store.owner().equals(stored.owner()) ? local.get(stored.segment()) : null;
                        return new SegmentStatus(stored.segment(), stored.mask(), stored.owner(), stored.claimedAt(),
                                stored.claimExpired(), TokenPositions.describe(stored.token()),
                                TokenPositions.lag(stored.token(), headToken), ReplayToken.isReplay(stored.token()),
                                here == null ? null : here.isCaughtUp(), errorOf(here));
                    })
                    .toList();
        }
        return local.values().stream()
                .sorted(Comparator.comparingInt(status -> status.getSegment().getSegmentId()))
                .map(here -> new SegmentStatus(here.getSegment().getSegmentId(), here.getSegment().getMask(), null, null,
                        false, TokenPositions.describe(here.getTrackingToken()),
                        TokenPositions.lag(here.getTrackingToken(), headToken), here.isReplaying(), here.isCaughtUp(),
                        errorOf(here)))
                .toList();
    }

    private static String errorOf(EventTrackerStatus status) {
        return status == null || !status.isErrorState() || status.getError() == null ? null
                : Objects.toString(status.getError().getMessage(), status.getError().getClass().getName());
    }

    private static String type(StreamingEventProcessor processor) {
        if (processor instanceof PooledStreamingEventProcessor) {
            return "pooled";
        }
        if (processor instanceof TrackingEventProcessor) {
            return "tracking";
        }
        return processor.getClass().getSimpleName();
    }

    private TrackingToken readHead() {
        try {
            return head.get();
        } catch (RuntimeException e) {
            log.warn("Could not read the head of the event store; processor lags are unknown: {}", e.getMessage());
            return null;
        }
    }
}
