package com.boxoffice.ticketing.config;

import com.boxoffice.ticketing.query.ConcertCatalogueProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An operator's handle on the catalogue processor: {@code GET /actuator/catalogue} shows it, {@code POST
 * /actuator/catalogue} rebuilds the catalogue (stop the processor, reset its tokens, which runs the projection's
 * {@code @ResetHandler} and empties the table, start it again so it replays every event). Like every actuator endpoint
 * it is exposed over HTTP only when {@code management.endpoints.web.exposure.include} names it.
 * <p>
 * A reset needs every segment's claim: with several instances, stop the processor on the others first (or run the
 * rebuild while only one instance is up). Reads answer from the emptied, refilling catalogue until the replay catches up.
 */
@Endpoint(id = "catalogue")
public class CatalogueReplayEndpoint {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private final EventProcessingConfiguration processing;

    public CatalogueReplayEndpoint(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @ReadOperation
    public Map<String, Object> status() {
        PooledStreamingEventProcessor processor = processor();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("processor", processor.getName());
        status.put("running", processor.isRunning());
        status.put("replaying", processor.isReplaying());
        status.put("segments", processor.processingStatus().size());
        return status;
    }

    @WriteOperation
    public Map<String, Object> replay() {
        PooledStreamingEventProcessor processor = processor();
        try {
            processor.shutdownAsync().get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping " + processor.getName(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Processor " + processor.getName() + " did not stop for the replay", e);
        }
        processor.resetTokens();
        processor.start();
        return status();
    }

    private PooledStreamingEventProcessor processor() {
        return processing.eventProcessor(ConcertCatalogueProjection.PROCESSING_GROUP, PooledStreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No pooled streaming processor named "
                        + ConcertCatalogueProjection.PROCESSING_GROUP));
    }
}
