package com.boxoffice.localaws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

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
}
