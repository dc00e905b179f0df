package com.boxoffice.infrastructure.dynamodb;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The project's one rule for which credentials an AWS client signs with, shared by every AWS service client
 * (DynamoDB, Kinesis): against a local emulator or an endpoint without configured credentials, static dummy
 * credentials (emulators accept any); otherwise the SDK's default chain.
 */
public final class AwsCredentialsChoice {

    private AwsCredentialsChoice() {
    }

    /** Whether the user configured AWS credentials on purpose (never asks the instance metadata service). */
    public static boolean credentialsConfigured() {
        return AwsCredentialsSniffer.ofThisProcess().credentialsConfigured();
    }

    /** Credentials for a client talking to an explicit endpoint: the default chain if configured, else dummies. */
    public static AwsCredentialsProvider forEndpoint() {
        return credentialsConfigured() ? forAws() : localEmulator();
    }

    /** Dummy credentials for a local emulator. */
    public static AwsCredentialsProvider localEmulator() {
        return DynamoDbConnection.LOCAL_CREDENTIALS;
    }

    /** The SDK's default chain. */
    public static AwsCredentialsProvider forAws() {
        return DefaultCredentialsProvider.builder().build();
    }
}
