package com.boxoffice.deploy;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kinesis.StreamEncryption;
import software.amazon.awscdk.services.kinesis.StreamMode;
import software.constructs.Construct;

import java.util.List;

/**
 * Everything that holds data: the application's DynamoDB tables (from its own specs), the all-events stream, the
 * archive of every event in S3, and the image repository. Kept apart from the service so that the stateless stack can
 * be destroyed and re-created without losing any of it. Every resource here is retained when it leaves the stack or
 * the stack is deleted, tables are deletion-protected, and the stack itself has termination protection.
 */
public final class StatefulStack extends Stack {

    private final Stream stream;

    public StatefulStack(Construct scope, StatefulStackProps props) {
        super(scope, props.names().statefulStackName(), StackProps.builder()
                .env(props.environment())
                .terminationProtection(true)
                .description("Boxoffice " + props.names().environment() + ": tables, all-events stream, event archive, image repository")
                .build());
        DeploymentNames names = props.names();
        props.tables().forEach(spec -> SpecTables.create(this, constructId(names, spec), spec));

        Stream.Builder stream = Stream.Builder.create(this, "AllEvents")
                .streamName(names.streamName())
                .encryption(StreamEncryption.MANAGED)
                .retentionPeriod(Duration.hours(props.streamRetentionHours()))
                .removalPolicy(RemovalPolicy.RETAIN);
        if (props.streamCapacity().isOnDemand()) {
            stream.streamMode(StreamMode.ON_DEMAND);
        } else {
            stream.streamMode(StreamMode.PROVISIONED).shardCount(props.streamCapacity().shards());
        }
        this.stream = stream.build();
        new EventArchive(this, "EventArchive", this.stream, props.archive());

        Repository.Builder.create(this, "Images")
                .repositoryName(names.repositoryName())
                // The service runs an image by digest; tags are for people and must not move under them.
                .imageTagMutability(TagMutability.IMMUTABLE)
                .imageScanOnPush(true)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .description("Keep the last 30 images: enough to roll back")
                        .maxImageCount(30).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    /** "Table" and the name without the prefix in PascalCase, e.g. {@code TableEventHeads}. */
    static String constructId(DeploymentNames names, TableSpec spec) {
        StringBuilder id = new StringBuilder("Table");
        for (String part : spec.tableName().substring(names.tablePrefix().length()).split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    public Stream stream() {
        return stream;
    }
}
