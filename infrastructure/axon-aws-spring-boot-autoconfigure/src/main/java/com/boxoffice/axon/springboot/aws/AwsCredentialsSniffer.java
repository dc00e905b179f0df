package com.boxoffice.axon.springboot.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Tells whether AWS credentials are configured, without asking the network.
 * <p>
 * The SDK's default chain ends with the EC2 instance metadata service; asking it on a laptop costs seconds and sends
 * traffic to a link-local address. So {@code AUTO} mode looks only at what a user configures on purpose: environment
 * variables, system properties, the shared config files, web identity and container credentials. On EC2 with only an
 * instance role, set {@code boxoffice.dynamodb.mode=AWS}.
 */
public final class AwsCredentialsSniffer {

    private final Function<String, String> environment;
    private final Function<String, String> systemProperties;
    private final Path home;

    public AwsCredentialsSniffer(Function<String, String> environment, Function<String, String> systemProperties, Path home) {
        this.environment = environment;
        this.systemProperties = systemProperties;
        this.home = home;
    }

    public static AwsCredentialsSniffer ofThisProcess() {
        Map<String, String> env = System.getenv();
        return new AwsCredentialsSniffer(env::get, System::getProperty, Path.of(System.getProperty("user.home", ".")));
    }

    public boolean credentialsConfigured() {
        return set(environment.apply("AWS_ACCESS_KEY_ID"))
                || set(systemProperties.apply("aws.accessKeyId"))
                || set(environment.apply("AWS_PROFILE"))
                || set(environment.apply("AWS_WEB_IDENTITY_TOKEN_FILE"))
                || set(environment.apply("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"))
                || set(environment.apply("AWS_CONTAINER_CREDENTIALS_FULL_URI"))
                || Files.isRegularFile(sharedFile("AWS_SHARED_CREDENTIALS_FILE", "credentials"));
    }

    private Path sharedFile(String variable, String name) {
        String configured = environment.apply(variable);
        return set(configured) ? Path.of(configured) : home.resolve(".aws").resolve(name);
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
