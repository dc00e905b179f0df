package com.boxoffice.axon.springboot.dynamodb;

/** Where the application's DynamoDB is. */
public enum DynamoDbMode {
    /** {@code ENDPOINT} when an endpoint is configured, else {@code AWS} when AWS credentials are visible, else {@code EMBEDDED}. */
    AUTO,
    /** DynamoDB Local started inside this JVM on a free loopback port. */
    EMBEDDED,
    /** The configured endpoint (DynamoDB Local elsewhere, a VPC endpoint, ...). */
    ENDPOINT,
    /** Amazon DynamoDB, with the SDK's default region and credentials chains. */
    AWS
}
