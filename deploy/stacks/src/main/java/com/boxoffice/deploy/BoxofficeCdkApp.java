package com.boxoffice.deploy;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The CDK app: one deployment's stateful and stateless stacks, from CDK context ({@code -c key=value} or
 * {@code cdk.json}):
 * <ul>
 *   <li>{@code environment}: the deployment's name (default {@code prod});</li>
 *   <li>{@code certificateArn}: the HTTPS listener's ACM certificate (required);</li>
 *   <li>{@code imageDigest}: the image to run; default the digest Jib wrote to {@code imageDigestFile}
 *       (default {@code ../image/target/jib-image.digest});</li>
 *   <li>{@code desiredCount}, {@code maxCount}, {@code cpu}, {@code memoryMiB}, {@code natGateways};</li>
 *   <li>{@code streamRetentionHours}, {@code streamShards} (0, the default, for on demand);</li>
 *   <li>{@code cognitoUserPoolId}, {@code cognitoAppClientId}: the Amazon Cognito user pool and app client whose
 *       tokens the application accepts (required);</li>
 *   <li>{@code alarmTopicArn}, {@code adminTokenSecretArn} (optional).</li>
 * </ul>
 * The account and region are the CLI's ({@code CDK_DEFAULT_ACCOUNT}, {@code CDK_DEFAULT_REGION}) when it sets them.
 */
public final class BoxofficeCdkApp {

    private BoxofficeCdkApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        build(app);
        app.synth();
    }

    /** Both stacks of the deployment the app's context names, in {@code app}. */
    static void build(App app) {
        Context context = new Context(app);
        DeploymentNames names = new DeploymentNames(context.text("environment").orElse("prod"));
        ApplicationSettings settings = new ApplicationSettings(names);
        List<TableSpec> tables = ApplicationTableSpecs.read(settings.properties());
        Environment environment = environment();

        new StatefulStack(app, StatefulStackProps.builder(names, tables)
                .streamRetentionHours(context.number("streamRetentionHours").orElse(7 * 24))
                .streamCapacity(new StreamCapacity(context.number("streamShards").orElse(0)))
                .environment(environment)
                .build());

        StatelessStackProps.Builder stateless = StatelessStackProps.builder(names, tables)
                .imageDigest(context.text("imageDigest").orElseGet(() -> digestFrom(Path.of(
                        context.text("imageDigestFile").orElse("../image/target/jib-image.digest")))))
                .certificateArn(context.text("certificateArn").orElse(null))
                .alarmTopicArn(context.text("alarmTopicArn").orElse(null))
                .adminTokenSecretArn(context.text("adminTokenSecretArn").orElse(null))
                .cognito(context.text("cognitoUserPoolId").orElse(null), context.text("cognitoAppClientId").orElse(null))
                .environment(environment);
        context.number("desiredCount").ifPresent(stateless::desiredCount);
        context.number("maxCount").ifPresent(stateless::maxCount);
        context.number("cpu").ifPresent(stateless::cpu);
        context.number("memoryMiB").ifPresent(stateless::memoryMiB);
        context.number("natGateways").ifPresent(stateless::natGateways);
        new StatelessStack(app, stateless.build(), settings);
    }

    private static String digestFrom(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("No imageDigest in the context and no digest at " + file.toAbsolutePath()
                    + ": build the image first (mvn package -pl deploy/image) or pass -c imageDigest=sha256:...", e);
        }
    }

    private static Environment environment() {
        String account = System.getenv("CDK_DEFAULT_ACCOUNT");
        String region = System.getenv("CDK_DEFAULT_REGION");
        return account == null || region == null ? null : Environment.builder().account(account).region(region).build();
    }

    /** CDK context values, which arrive as strings from the command line and as JSON values from cdk.json. */
    private record Context(App app) {

        Optional<String> text(String key) {
            Object value = app.getNode().tryGetContext(key);
            return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().trim());
        }

        Optional<Integer> number(String key) {
            return text(key).map(value -> {
                try {
                    return new java.math.BigDecimal(value).intValueExact();
                } catch (ArithmeticException | NumberFormatException e) {
                    throw new IllegalArgumentException("Context " + key + " is a whole number, not " + value, e);
                }
            });
        }
    }
}
