package com.boxoffice.deploy;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatefulStackTest {

    private static Template template;
    private static List<TableSpec> specs;
    private static Map<String, Map<String, Object>> tablesByName;

    @BeforeAll
    static void synthesise() {
        template = TestDeployment.get().stateful;
        specs = TestDeployment.specs();
        tablesByName = template.findResources("AWS::DynamoDB::Table").values().stream()
                .collect(Collectors.toMap(t -> Cfn.properties(t).get("TableName").toString(), Function.identity()));
    }

    @Test
    void hasExactlyTheTablesTheApplicationDeclares() {
        assertThat(specs).hasSizeGreaterThanOrEqualTo(9);
        assertThat(tablesByName.keySet())
                .containsExactlyInAnyOrderElementsOf(specs.stream().map(TableSpec::tableName).toList());
    }

    @Test
    void everyTableIsAsItsSpecSays() {
        for (TableSpec spec : specs) {
            assertThat(SpecTableComparison.differences(spec, Cfn.properties(tablesByName.get(spec.tableName()))))
                    .as(spec.tableName()).isEmpty();
        }
        // The indexes the application queries are there, not only "equal to an empty list".
        assertThat(Cfn.list(Cfn.properties(tablesByName.get("boxoffice-test-events")).get("GlobalSecondaryIndexes")))
                .hasSize(1);
        assertThat(Cfn.list(Cfn.properties(tablesByName.get("boxoffice-test-dead-letters")).get("LocalSecondaryIndexes")))
                .hasSize(1);
        assertThat(Cfn.properties(tablesByName.get("boxoffice-test-event-trail")).get("TimeToLiveSpecification"))
                .isEqualTo(Map.of("AttributeName", "expiresAt", "Enabled", true));
    }

    @Test
    void theComparisonSeesATableThatDisagreesWithItsSpec() {
        TableSpec events = specs.stream().filter(s -> s.tableName().endsWith("-events")).findFirst().orElseThrow();
        Map<String, Object> snapshotsTable = Cfn.properties(tablesByName.get("boxoffice-test-snapshots"));

        assertThat(SpecTableComparison.differences(events, snapshotsTable))
                .anyMatch(d -> d.startsWith("KeySchema"))
                .anyMatch(d -> d.startsWith("GlobalSecondaryIndexes"));
    }

    @Test
    void everyTableIsOnDemandRecoverableProtectedEncryptedAndRetained() {
        assertThat(tablesByName).isNotEmpty();
        tablesByName.forEach((name, table) -> {
            Map<String, Object> properties = Cfn.properties(table);
            assertThat(properties.get("BillingMode")).as(name).isEqualTo("PAY_PER_REQUEST");
            assertThat(properties.get("PointInTimeRecoverySpecification")).as(name)
                    .isEqualTo(Map.of("PointInTimeRecoveryEnabled", true));
            assertThat(properties.get("DeletionProtectionEnabled")).as(name).isEqualTo(true);
            assertThat(Cfn.map(properties.get("SSESpecification")).get("SSEEnabled")).as(name).isEqualTo(true);
            assertThat(table.get("DeletionPolicy")).as(name).isEqualTo("Retain");
            assertThat(table.get("UpdateReplacePolicy")).as(name).isEqualTo("Retain");
        });
    }

    @Test
    void theStackHasTerminationProtection() {
        assertThat(TestDeployment.get().statefulStack.getTerminationProtection()).isTrue();
    }

    @Test
    void theAllEventsStreamIsEncryptedOnDemandRetainedAndKeepsAWeek() {
        template.resourceCountIs("AWS::Kinesis::Stream", 1);
        template.hasResource("AWS::Kinesis::Stream", Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Map.of(
                        "Name", "boxoffice-test-events",
                        "RetentionPeriodHours", 168,
                        "StreamEncryption", Map.of("EncryptionType", "KMS", "KeyId", "alias/aws/kinesis"),
                        "StreamModeDetails", Map.of("StreamMode", "ON_DEMAND"))));
    }

    @Test
    void firehoseArchivesTheStreamIntoTheBucketByDate() {
        template.resourceCountIs("AWS::KinesisFirehose::DeliveryStream", 1);
        Map<String, Object> delivery = Cfn.properties(template.findResources("AWS::KinesisFirehose::DeliveryStream")
                .values().iterator().next());
        String streamId = template.findResources("AWS::Kinesis::Stream").keySet().iterator().next();
        String bucketId = template.findResources("AWS::S3::Bucket").keySet().iterator().next();

        assertThat(delivery.get("DeliveryStreamType")).isEqualTo("KinesisStreamAsSource");
        assertThat(Cfn.text(Cfn.map(delivery.get("KinesisStreamSourceConfiguration")).get("KinesisStreamARN")))
                .isEqualTo("{GetAtt:" + streamId + ".Arn}");
        Map<String, Object> s3 = Cfn.map(delivery.get("ExtendedS3DestinationConfiguration"));
        assertThat(Cfn.text(s3.get("BucketARN"))).isEqualTo("{GetAtt:" + bucketId + ".Arn}");
        assertThat(s3.get("Prefix")).isEqualTo("events/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/");
        assertThat(s3.get("ErrorOutputPrefix").toString()).startsWith("errors/!{firehose:error-output-type}/");
        assertThat(s3.get("CompressionFormat")).isEqualTo("GZIP");
    }

    @Test
    void theArchiveBucketIsPrivateEncryptedVersionedRetainedAndAgesIntoCheaperStorage() {
        template.resourceCountIs("AWS::S3::Bucket", 1);
        Map<String, Object> ageing = Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Status", "Enabled",
                "Transitions", List.of(
                        Map.of("StorageClass", "STANDARD_IA", "TransitionInDays", 30),
                        Map.of("StorageClass", "GLACIER_IR", "TransitionInDays", 90)))))));
        template.hasResource("AWS::S3::Bucket", Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "PublicAccessBlockConfiguration", Map.of(
                                "BlockPublicAcls", true, "BlockPublicPolicy", true,
                                "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                        "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                                "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                        "VersioningConfiguration", Map.of("Status", "Enabled"),
                        "LifecycleConfiguration", ageing))));
        // enforceSsl: a bucket policy that denies every request without TLS.
        template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void theImageRepositoryKeepsItsImagesAndTheirTags() {
        template.hasResource("AWS::ECR::Repository", Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "RepositoryName", "boxoffice-test",
                        "ImageTagMutability", "IMMUTABLE",
                        "ImageScanningConfiguration", Map.of("ScanOnPush", true)))));
    }

    @Test
    void propsRefuseWhatADeploymentWouldRefuseLater() {
        assertThatThrownBy(() -> StatefulStackProps.builder(TestDeployment.NAMES, specs).streamRetentionHours(12).build())
                .hasMessageContaining("24 to 8,760 hours");
        assertThatThrownBy(() -> StatefulStackProps.builder(TestDeployment.NAMES, List.of()).build())
                .hasMessageContaining("No tables");
        assertThatThrownBy(() -> StatefulStackProps.builder(new DeploymentNames("other"), specs).build())
                .hasMessageContaining("not under the deployment's prefix");
        assertThatThrownBy(() -> StreamCapacity.ofShards(0)).hasMessageContaining("at least one shard");
        assertThatThrownBy(() -> new ArchiveSettings(10, 90, 300, 64)).hasMessageContaining("30 days");
    }
}
