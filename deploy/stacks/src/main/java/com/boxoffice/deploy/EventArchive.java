package com.boxoffice.deploy;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.services.kinesis.IStream;
import software.amazon.awscdk.services.kinesisfirehose.Compression;
import software.amazon.awscdk.services.kinesisfirehose.DeliveryStream;
import software.amazon.awscdk.services.kinesisfirehose.KinesisStreamSource;
import software.amazon.awscdk.services.kinesisfirehose.S3Bucket;
import software.amazon.awscdk.services.kinesisfirehose.S3BucketProps;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

import java.util.List;

/**
 * Every record of the all-events stream, kept in S3 for as long as the bucket lives: Amazon Data Firehose reads the
 * stream and writes gzip files under {@value #DATA_PREFIX} partitioned by the UTC date the records reached the stream
 * ({@code year=/month=/day=}), so that a consumer that starts after the stream's retention can read the older
 * history from here and the rest from the stream. Files move to cheaper storage classes as they age; none expires.
 * The bucket is private (public access blocked, TLS only), encrypted, versioned and kept when the stack goes.
 */
final class EventArchive extends Construct {

    static final String DATA_PREFIX = "events/";
    static final String DATE_PARTITIONS = "year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/";

    EventArchive(Construct scope, String id, IStream stream, ArchiveSettings settings) {
        super(scope, id);
        Bucket bucket = Bucket.Builder.create(this, "Bucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("cheaper-storage-with-age")
                        .transitions(List.of(
                                Transition.builder().storageClass(StorageClass.INFREQUENT_ACCESS)
                                        .transitionAfter(Duration.days(settings.infrequentAccessAfterDays())).build(),
                                Transition.builder().storageClass(StorageClass.GLACIER_INSTANT_RETRIEVAL)
                                        .transitionAfter(Duration.days(settings.glacierAfterDays())).build()))
                        // Versioning only guards against mistakes; old versions need not be kept for long.
                        .noncurrentVersionExpiration(Duration.days(30))
                        .abortIncompleteMultipartUploadAfter(Duration.days(7))
                        .build()))
                .build();
        DeliveryStream.Builder.create(this, "DeliveryStream")
                .source(new KinesisStreamSource(stream))
                .destination(new S3Bucket(bucket, S3BucketProps.builder()
                        .dataOutputPrefix(DATA_PREFIX + DATE_PARTITIONS)
                        .errorOutputPrefix("errors/!{firehose:error-output-type}/" + DATE_PARTITIONS)
                        .compression(Compression.GZIP)
                        .bufferingInterval(Duration.seconds(settings.bufferingSeconds()))
                        .bufferingSize(Size.mebibytes(settings.bufferingMebibytes()))
                        .build()))
                .build();
    }
}
