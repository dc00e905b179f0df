package com.boxoffice.axon.springboot.kinesis;

/** Where the application's Kinesis is. */
public enum KinesisMode {
    /** {@code ENDPOINT} when an endpoint is configured, else {@code AWS} when AWS credentials are visible, else {@code EMULATOR}. */
    AUTO,
    /**
     * kinesis-local started by the application as a child process: the one the application jar carries (unpacked into
     * {@code boxoffice.kinesis.emulator.work-dir}) or an installed one ({@code boxoffice.kinesis.emulator.dir}). Needs
     * Node.js ({@code node}) on the PATH; without it the application starts all the same and health says why.
     */
    EMULATOR,
    /** The configured endpoint (an emulator elsewhere, a VPC endpoint, ...). */
    ENDPOINT,
    /** Amazon Kinesis, with the SDK's default region and credentials chains. */
    AWS
}
