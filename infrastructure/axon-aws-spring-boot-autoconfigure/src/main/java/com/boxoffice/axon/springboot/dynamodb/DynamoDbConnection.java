package com.boxoffice.axon.springboot.dynamodb;

import com.boxoffice.axon.springboot.aws.AwsCredentialsChoice;
import com.boxoffice.localaws.EmbeddedDynamoDb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.Optional;

/**
 * The resolved answer to "where is DynamoDB": the mode, the endpoint (absent for AWS, which the SDK resolves from
 * the region), the region and the credentials. Owns the embedded server when there is one.
 */
public final class DynamoDbConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbConnection.class);
    private static final Region LOCAL_REGION = Region.US_EAST_1;

    private final DynamoDbMode mode;
    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final EmbeddedDynamoDb embedded;

    private DynamoDbConnection(DynamoDbMode mode, URI endpoint, Region region, AwsCredentialsProvider credentials,
                               EmbeddedDynamoDb embedded) {
        this.mode = mode;
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.embedded = embedded;
    }

    public static DynamoDbConnection open(DynamoDbProperties properties) {
        return open(properties, AwsCredentialsChoice.ofThisProcess());
    }

    static DynamoDbConnection open(DynamoDbProperties properties, AwsCredentialsChoice credentials) {
        DynamoDbMode mode = resolveMode(properties, credentials);
        Region configuredRegion = properties.region() == null || properties.region().isBlank()
                ? null : Region.of(properties.region());
        switch (mode) {
            case EMBEDDED -> {
                DynamoDbProperties.Embedded settings = properties.embedded();
                EmbeddedDynamoDb server = settings.inMemory()
                        ? EmbeddedDynamoDb.start(null, settings.port())
                        : EmbeddedDynamoDb.start(settings.dataDir(), settings.port());
                log.info("DynamoDB mode EMBEDDED: DynamoDB Local at {}, data in {}", server.endpoint(),
                        server.dataDirectory() == null ? "memory" : server.dataDirectory().toAbsolutePath().normalize());
                return new DynamoDbConnection(mode, server.endpoint(), orLocal(configuredRegion), credentials.forLocalEmulator(), server);
            }
            case ENDPOINT -> {
                if (properties.endpoint() == null) {
                    throw new IllegalStateException("boxoffice.dynamodb.mode=ENDPOINT needs boxoffice.dynamodb.endpoint");
                }
                log.info("DynamoDB mode ENDPOINT: {}", properties.endpoint());
                return new DynamoDbConnection(mode, properties.endpoint(), orLocal(configuredRegion),
                        credentials.forEndpoint(), null);
            }
            case AWS -> {
                log.info("DynamoDB mode AWS: region {}", configuredRegion == null ? "from the SDK's region chain" : configuredRegion);
                return new DynamoDbConnection(mode, null, configuredRegion, credentials.forAws(), null);
            }
            default -> throw new IllegalStateException("unresolved mode " + mode);
        }
    }

    static DynamoDbMode resolveMode(DynamoDbProperties properties, AwsCredentialsChoice credentials) {
        if (properties.mode() != DynamoDbMode.AUTO) {
            return properties.mode();
        }
        if (properties.endpoint() != null) {
            return DynamoDbMode.ENDPOINT;
        }
        return credentials.credentialsConfigured() ? DynamoDbMode.AWS : DynamoDbMode.EMBEDDED;
    }

    private static Region orLocal(Region region) {
        return region == null ? LOCAL_REGION : region;
    }

    public DynamoDbMode mode() {
        return mode;
    }

    /** The endpoint override, empty when the SDK resolves the AWS endpoint from the region. */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** The region, empty when the SDK's region chain decides. */
    public Optional<Region> region() {
        return Optional.ofNullable(region);
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /** A one-line description for logs and health. */
    public String describe() {
        return mode + " " + (endpoint != null ? endpoint.toString() : "aws:" + (region == null ? "default-region" : region.id()));
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
