package com.boxoffice.axon.springboot.kinesis;

import com.boxoffice.axon.kinesis.OrderingMode;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The all-events stream and how events get there.
 *
 * @param enabled     publish to Kinesis at all (the library's default is off; the application turns it on)
 * @param mode        where Kinesis is; {@code AUTO} picks the first that applies of endpoint, AWS, emulator
 * @param streamName  the all-events stream
 * @param endpoint    an explicit endpoint, e.g. {@code http://localhost:4568}
 * @param region      the signing region; unset means the SDK's region chain in AWS mode and {@code us-east-1} otherwise
 * @param createStream create the stream when missing; unset means yes for the emulator and an endpoint, no on AWS
 * @param shardCount  shards of a stream created here
 * @param emulator    the kinesis-local child process of {@code EMULATOR} mode
 * @param publisher   the publishing processor
 * @param source      CloudEvents {@code source} attributes
 * @param health      the {@code kinesis} health indicator
 */
@ConfigurationProperties("boxoffice.kinesis")
public record KinesisProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("AUTO") KinesisMode mode,
        @DefaultValue("boxoffice-events") String streamName,
        URI endpoint,
        String region,
        Boolean createStream,
        @DefaultValue("2") int shardCount,
        @DefaultValue Emulator emulator,
        @DefaultValue Publisher publisher,
        @DefaultValue Source source,
        @DefaultValue Health health) {

    /**
     * @param dir     an installed kinesis-local package (the folder holding its {@code main.js}); unset runs the one
     *                the application jar carries
     * @param workDir where the carried package is unpacked, once per version
     * @param port    the plain HTTP port, 0 for a free one
     * @param dataDir where kinesis-local persists its state (every second); unset keeps it in memory. Seen here with
     *                kinesis-local 0.6.2: streams survive a restart, records written through the Java SDK do not, so
     *                after an emulator restart the stream starts empty (the publisher's token is unaffected)
     */
    public record Emulator(Path dir, @DefaultValue("data/kinesis-emulator") Path workDir,
                           @DefaultValue("0") int port, Path dataDir) {
    }

    /**
     * @param batchSize        events a publishing unit of work takes (and so at most one {@code PutRecords} of 500)
     * @param segments         segments of the publishing processor; one aggregate always stays in one segment
     * @param ordering         how records of one aggregate share requests
     * @param maxRetryDuration how long one batch is retried inside the unit of work before it is rolled back (and then
     *                         retried by the processor from its token)
     */
    public record Publisher(@DefaultValue("500") int batchSize, @DefaultValue("1") int segments,
                            @DefaultValue("STRICT") OrderingMode ordering,
                            @DefaultValue("30s") Duration maxRetryDuration) {
    }

    /**
     * The CloudEvents {@code source} of each event, from its payload's package (see {@code PackageCloudEventSources});
     * a {@code CloudEventSourceResolver} bean replaces the rule altogether.
     *
     * @param contexts    package prefix to source, e.g. {@code com.acme.billing=/billing}; checked first
     * @param basePackage with it, {@code <basePackage>.<segment>.…} comes from {@code <fallback>/<segment>}
     * @param fallback    the source of events that match nothing else
     */
    public record Source(Map<String, String> contexts, String basePackage, @DefaultValue("/") String fallback) {
    }

    /**
     * @param unreachableStatus the status reported while the stream cannot be reached; {@code UNKNOWN} keeps the
     *                          application's aggregate health UP (a Kinesis outage does not stop the shop), set
     *                          {@code OUT_OF_SERVICE} or {@code DOWN} for a health group that must reflect it
     * @param probeInterval     how often an idle publisher's health asks Kinesis whether the stream is there
     */
    public record Health(@DefaultValue("UNKNOWN") String unreachableStatus,
                         @DefaultValue("15s") Duration probeInterval) {
    }

    /** The resolved mode: {@code AUTO} becomes one of the others. */
    public KinesisMode resolvedMode(boolean awsCredentialsConfigured) {
        if (mode != KinesisMode.AUTO) {
            return mode;
        }
        if (endpoint != null) {
            return KinesisMode.ENDPOINT;
        }
        return awsCredentialsConfigured ? KinesisMode.AWS : KinesisMode.EMULATOR;
    }

    /** Whether to create the stream when missing in the given (resolved) mode. */
    public boolean createStream(KinesisMode resolvedMode) {
        return createStream != null ? createStream : resolvedMode != KinesisMode.AWS;
    }
}
