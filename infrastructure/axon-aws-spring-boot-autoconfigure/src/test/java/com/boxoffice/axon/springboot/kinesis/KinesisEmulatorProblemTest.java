package com.boxoffice.axon.springboot.kinesis;

import com.boxoffice.axon.kinesis.KinesisStreamProvisioner;
import com.boxoffice.axon.kinesis.PublishLag;
import com.boxoffice.axon.kinesis.PublishStatus;
import com.boxoffice.axon.springboot.testing.AxonContextRunners;
import com.boxoffice.testing.KinesisEmulator;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An emulator the application cannot start (here: no kinesis-local package where one is configured; Node.js missing
 * takes the same path, see {@code WholeJarIT} in the app): the application starts, the {@code kinesis} health
 * reports the unreachable status with the reason as its {@code emulator} detail, and the reason is logged once.
 */
@ExtendWith(OutputCaptureExtension.class)
class KinesisEmulatorProblemTest {

    private static final String NOT_INSTALLED = "kinesis-local is not installed";

    private final ApplicationContextRunner runner = AxonContextRunners.axon(KinesisAutoConfiguration.class)
            .withUserConfiguration(InMemoryAxon.class);

    @TempDir
    Path temp;

    @Configuration(proxyBeanMethods = false)
    static class InMemoryAxon {
        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }

        @Bean
        TokenStore tokenStore() {
            return new InMemoryTokenStore();
        }
    }

    private ApplicationContextRunner withAnEmulatorThatCannotRun() {
        return runner.withPropertyValues("boxoffice.kinesis.enabled=true", "boxoffice.kinesis.mode=EMULATOR",
                "boxoffice.kinesis.emulator.dir=" + temp.resolve("no-package"),
                "boxoffice.kinesis.emulator.work-dir=" + temp.resolve("work"),
                "boxoffice.kinesis.health.probe-interval=0s");
    }

    @Test
    void healthCarriesTheReasonWithTheUnreachableStatus() {
        withAnEmulatorThatCannotRun().run(context -> {
            assertThat(context).hasNotFailed();
            KinesisConnection connection = context.getBean(KinesisConnection.class);
            assertThat(connection.emulatorProblem()).get().asString()
                    .contains(NOT_INSTALLED, "boxoffice.kinesis.emulator.dir")
                    .as("health shows it: no path of this machine").doesNotContain(temp.toString());

            Health health = context.getBean(KinesisHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(health.getDetails())
                    .containsEntry("emulator", connection.emulatorProblem().get())
                    .containsEntry("stream", "boxoffice-events")
                    .containsKey("error");
        });
    }

    @Test
    void theUnreachableStatusIsTheConfiguredOne() {
        withAnEmulatorThatCannotRun().withPropertyValues("boxoffice.kinesis.health.unreachable-status=OUT_OF_SERVICE")
                .run(context -> {
                    Health health = context.getBean(KinesisHealthIndicator.class).health(true);
                    assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                    assertThat(health.getDetails()).hasEntrySatisfying("emulator",
                            reason -> assertThat(reason).asString().contains(NOT_INSTALLED));
                });
    }

    @Test
    void theReasonIsLoggedOnceAsAWarningHoweverOftenHealthIsAsked(CapturedOutput output) {
        withAnEmulatorThatCannotRun().run(context -> {
            assertThat(context).hasNotFailed();
            KinesisHealthIndicator indicator = context.getBean(KinesisHealthIndicator.class);
            for (int i = 0; i < 5; i++) {
                // Probe interval 0 s: each check asks Kinesis again.
                assertThat(indicator.health(true).getDetails()).containsKey("emulator");
            }
            // The background provisioning at start-up has given up on this context's endpoint (it logs that once) ...
            String endpoint = context.getBean(KinesisConnection.class).endpoint().orElseThrow().getAuthority();
            await().atMost(Duration.ofSeconds(60)).until(() -> output.getOut().lines()
                    .anyMatch(line -> line.contains("not ready at start-up") && line.contains(endpoint)));
            // ... and neither it, the connection nor health repeated the reason.
            assertThat(output.getOut().lines().filter(line -> line.contains(NOT_INSTALLED)))
                    .singleElement().asString().contains("WARN");
        });
    }

    @Test
    void aKinesisThatAnswersAnywayIsUpWithoutTheEmulatorDetail() {
        String stream = KinesisEmulator.uniqueStreamName();
        try (KinesisClient client = KinesisEmulator.newClient()) {
            new KinesisStreamProvisioner(client, stream, true, 1).ensureActive();
            PublishStatus status = new PublishStatus();
            KinesisHealthIndicator indicator = new KinesisHealthIndicator(client, stream, status,
                    new PublishLag(OptionalLong::empty, OptionalLong::empty, status), Status.UNKNOWN, Duration.ZERO,
                    () -> Optional.of("Node.js (`node`) is not on the PATH"));

            Health health = indicator.health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).doesNotContainKey("emulator");
        }
    }

    @Test
    void anUnreachableKinesisWithoutAnEmulatorProblemHasNoEmulatorDetail() throws IOException {
        URI nothingListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothingListens = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        try (KinesisClient client = KinesisConnection.ofEndpoint(nothingListens).newClient()) {
            PublishStatus status = new PublishStatus();
            KinesisHealthIndicator indicator = new KinesisHealthIndicator(client, "boxoffice-events", status,
                    new PublishLag(OptionalLong::empty, OptionalLong::empty, status), Status.UNKNOWN, Duration.ZERO);

            Health health = indicator.health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(health.getDetails()).containsKey("error").doesNotContainKey("emulator");
        }
    }
}
