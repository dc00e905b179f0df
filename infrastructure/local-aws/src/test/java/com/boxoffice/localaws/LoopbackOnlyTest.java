package com.boxoffice.localaws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded servers accept any credentials, so they listen on loopback only: read from the kernel's socket table,
 * no traffic is sent anywhere.
 */
@EnabledOnOs(OS.LINUX)
class LoopbackOnlyTest {

    @Test
    void embeddedDynamoDbListensOnLoopbackOnly() {
        try (EmbeddedDynamoDb server = EmbeddedDynamoDb.startInMemory()) {
            assertThat(ListeningSockets.onPort(server.port()))
                    .as("listening sockets on DynamoDB Local's port %d", server.port())
                    .isNotEmpty()
                    .allSatisfy(socket -> assertThat(socket.loopback()).as("%s is loopback", socket).isTrue());
        }
    }

    @Test
    void embeddedDynamoDbWritesNothingIntoTheWorkingDirectory(@TempDir Path data) throws Exception {
        Path metadata = Path.of(System.getProperty("user.dir"), "dynamodb-local-metadata.json");
        Files.deleteIfExists(metadata);
        try (EmbeddedDynamoDb server = EmbeddedDynamoDb.start(data.resolve("db"), 0)) {
            assertThat(server.port()).isPositive();
        }
        assertThat(metadata).doesNotExist();
    }

    @Test
    void kinesisEmulatorListensOnLoopbackOnly(@TempDir Path work) {
        try (LocalKinesisEmulator emulator = LocalKinesisEmulator.startBundled(work, 0, null)) {
            assertThat(emulator.problem()).as("the emulator needs Node.js").isEmpty();
            long pid = emulator.pid().orElseThrow();
            // The plain server answered ListStreams; the TLS one may bind a moment later: wait for both.
            await().atMost(Duration.ofSeconds(60)).until(() -> ListeningSockets.ofProcess(pid).size() >= 2);
            assertThat(ListeningSockets.ofProcess(pid))
                    .as("listening sockets of kinesis-local (pid %d)", pid)
                    .anySatisfy(socket -> assertThat(socket.port()).isEqualTo(emulator.port()))
                    .allSatisfy(socket -> assertThat(socket.loopback()).as("%s is loopback", socket).isTrue());
        }
    }
}
