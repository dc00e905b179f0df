package com.boxoffice.axon.springboot.metrics;

import com.boxoffice.axon.dynamodb.tokenstore.ClaimedSegment;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How many events a streaming processor is behind the event store: the head position (events stored) minus the
 * position of the processor's furthest-behind segment (events that segment has passed): as stored in the token store
 * when that can be read without claiming (the DynamoDB token store), so every instance reports the whole processor,
 * else of the segments this node holds.
 * <p>
 * Positions are counts of events, so the difference is exact: with the DynamoDB store a {@code PartitionedLogToken}'s
 * position is the sum of its partitions' positions and the head token's the sum of the partition heads, and every
 * segment's token moves past every event, its segment's or not. Read from this node's segments only, a processor it
 * holds no segment of (another node runs it, or it has not claimed one yet) has no known lag here.
 * <p>
 * The head is read once per {@code headMaxAge} (one strongly consistent read of all partition heads), not once per
 * processor and scrape.
 */
public final class ProcessorLag {

    private final Supplier<OptionalLong> headPosition;
    private final Function<String, OptionalLong> processedPosition;
    private final Duration headMaxAge;
    private final Clock clock;
    private Instant headReadAt = Instant.MIN;
    private OptionalLong head = OptionalLong.empty();

    /**
     * @param headPosition      the event store's head position, e.g. {@code eventStore.createHeadToken().position()}
     * @param processedPosition by processor name: the lowest position of its segments on this node, see
     *                          {@link #lowestPosition(StreamingEventProcessor)}
     */
    public ProcessorLag(Supplier<OptionalLong> headPosition, Function<String, OptionalLong> processedPosition,
                        Duration headMaxAge, Clock clock) {
        this.headPosition = headPosition;
        this.processedPosition = processedPosition;
        this.headMaxAge = headMaxAge;
        this.clock = clock;
    }

    /** Events stored but not yet passed by the processor; empty when unknown. */
    public OptionalLong eventsBehind(String processorName) {
        // A head read before the processor's latest progress can be below its position: that is no lag, not a negative one.
        OptionalLong processed = processedPosition.apply(processorName);
        if (processed.isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong stored = head();
        if (stored.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, stored.getAsLong() - processed.getAsLong()));
    }

    private synchronized OptionalLong head() {
        Instant now = clock.instant();
        if (head.isEmpty() || !now.isBefore(headReadAt.plus(headMaxAge))) {
            head = headPosition.get();
            headReadAt = now;
        }
        return head;
    }

    /**
     * The position of the processor's furthest-behind segment as stored, whichever instance holds it (a segment at the
     * start of the stream is at 0); empty when the processor has no segments yet.
     */
    public static OptionalLong lowestStoredPosition(List<ClaimedSegment> segments) {
        return segments.stream()
                .mapToLong(segment -> segment.token() == null ? 0 : segment.token().position().orElse(0))
                .min();
    }

    /** The position of the processor's furthest-behind segment on this node; empty when it holds none with a token. */
    public static OptionalLong lowestPosition(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
    }
}
