package com.boxoffice.kernel.processing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every pooled streaming processor of the application shares ({@code boxoffice.processors.*}), unless its own
 * configuration says otherwise (the Kinesis publisher sets its own batch size).
 *
 * @param batchSize events one unit of work of a segment takes when that many are waiting, 1 to 1,000. Each unit of
 *                  work stores the segment's token once, and a handler that buffers its writes (the event trail) sends
 *                  them together; an idle or lightly loaded processor still handles each event as it comes.
 */
@ConfigurationProperties("boxoffice.processors")
public record ProcessorProperties(@DefaultValue("25") int batchSize) {

    public ProcessorProperties {
        if (batchSize < 1 || batchSize > 1_000) {
            throw new IllegalArgumentException("boxoffice.processors.batch-size must be 1 to 1000, was " + batchSize);
        }
    }
}
