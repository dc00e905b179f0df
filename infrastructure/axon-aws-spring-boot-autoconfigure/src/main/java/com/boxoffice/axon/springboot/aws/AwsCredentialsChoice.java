package com.boxoffice.axon.springboot.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The one rule for which credentials an AWS client signs with, shared by every service client (DynamoDB, Kinesis):
 * a local emulator gets static dummy credentials (emulators accept any); an explicit endpoint gets the SDK's default
 * chain when the user configured credentials (a VPC endpoint, say) and the dummies otherwise (an emulator elsewhere);
 * AWS gets the default chain. "Configured" is decided by {@link AwsCredentialsSniffer}, which never asks the network.
 */
public final class AwsCredentialsChoice {

    /** Emulators and DynamoDB Local accept any credentials; with -sharedDb every key sees the same database. */
    private static final AwsCredentialsProvider LOCAL =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("boxoffice", "local"));

    private final AwsCredentialsSniffer sniffer;

    public AwsCredentialsChoice(AwsCredentialsSniffer sniffer) {
        this.sniffer = sniffer;
    }

    /** The rule as this process's environment, system properties and home folder decide it. */
    public static AwsCredentialsChoice ofThisProcess() {
        return new AwsCredentialsChoice(AwsCredentialsSniffer.ofThisProcess());
    }

    /** Whether the user configured AWS credentials on purpose (never asks the instance metadata service). */
    public boolean credentialsConfigured() {
        return sniffer.credentialsConfigured();
    }

    /** Credentials for a client talking to an explicit endpoint: the default chain if configured, else dummies. */
    public AwsCredentialsProvider forEndpoint() {
        return credentialsConfigured() ? forAws() : forLocalEmulator();
    }

    /** Dummy credentials for a local emulator. */
    public AwsCredentialsProvider forLocalEmulator() {
        return LOCAL;
    }

    /** The SDK's default chain. */
    public AwsCredentialsProvider forAws() {
        return DefaultCredentialsProvider.builder().build();
    }
}
