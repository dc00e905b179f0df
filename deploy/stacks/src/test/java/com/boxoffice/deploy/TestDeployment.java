package com.boxoffice.deploy;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One deployment named {@code test}, built once per test JVM the way {@code cdk synth} builds it (through
 * {@link BoxofficeCdkApp#build(App)} with CDK context): reading the application's specs and synthesising the stacks
 * take seconds each, and every test class asserts on the same templates.
 */
final class TestDeployment {

    static final DeploymentNames NAMES = new DeploymentNames("test");
    static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);
    static final String USER_POOL = "eu-west-1_AbCdEf123";
    static final String APP_CLIENT = "4k2d3r5t6y7u8i9o0p1a2s3d4f";
    static final String CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d";

    private static TestDeployment instance;
    private static List<TableSpec> specs;

    final App app;
    final CloudAssembly assembly;
    final StatefulStack statefulStack;
    final StatelessStack statelessStack;
    final Template stateful;
    final Template stateless;

    private TestDeployment() {
        // The build's cdk.out (see the pom), so that 'mvn verify' leaves the synthesised templates to look at.
        Path outdir = Path.of(System.getProperty("boxoffice.cdk.outdir", "target/cdk.out"));
        try {
            Files.createDirectories(outdir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app = new App(AppProps.builder().outdir(outdir.toString()).context(Map.of(
                "environment", NAMES.environment(),
                "certificateArn", CERTIFICATE,
                "imageDigest", DIGEST,
                "cognitoUserPoolId", USER_POOL,
                "cognitoAppClientId", APP_CLIENT)).build());
        BoxofficeCdkApp.build(app);
        statefulStack = (StatefulStack) app.getNode().findChild(NAMES.statefulStackName());
        statelessStack = (StatelessStack) app.getNode().findChild(NAMES.statelessStackName());
        assembly = app.synth();
        stateful = Template.fromStack(statefulStack);
        stateless = Template.fromStack(statelessStack);
    }

    static synchronized TestDeployment get() {
        if (instance == null) {
            instance = new TestDeployment();
        }
        return instance;
    }

    /** The specs as the application declares them under the test deployment's settings (read apart from the app's). */
    static synchronized List<TableSpec> specs() {
        if (specs == null) {
            specs = ApplicationTableSpecs.read(new ApplicationSettings(NAMES).properties());
        }
        return specs;
    }
}
