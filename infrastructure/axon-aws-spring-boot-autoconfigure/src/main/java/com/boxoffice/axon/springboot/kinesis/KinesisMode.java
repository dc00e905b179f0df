package com.boxoffice.axon.springboot.kinesis;

/** Where the application's Kinesis is. */
public enum KinesisMode {
    /** {@code ENDPOINT} when an endpoint is configured, else {@code AWS} when AWS credentials are visible, else {@code EMULATOR}. */
    AUTO,
    /** kinesis-local started by the application as a child process (needs Node.js and {@code npm ci} in its folder). */
    EMULATOR,
    /** The configured endpoint (an emulator elsewhere, a VPC endpoint, ...). */
    ENDPOINT,
    /** Amazon Kinesis, with the SDK's default region and credentials chains. */
    AWS
}
