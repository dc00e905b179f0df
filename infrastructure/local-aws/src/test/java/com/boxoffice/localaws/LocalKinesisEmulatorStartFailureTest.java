package com.boxoffice.localaws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starting the carried emulator from a work folder given relative to the working directory (as the application's
 * {@code ./data/kinesis-emulator}), and what a start-up failure of kinesis-local says: what it printed, so the cause
 * (here: its port is taken) is in the application's log instead of being lost with the child process. Needs Node.js.
 */
class LocalKinesisEmulatorStartFailureTest {

    @Test
    void theCarriedEmulatorStartsFromARelativeWorkFolder(@TempDir Path temp) {
        // Relative to this JVM's working directory, yet inside the temporary folder: nothing is written elsewhere.
        // Deeper than the working directory, so that a path relative to the working directory names another file
        // when node resolves it from the package folder (its working directory).
        Path cwd = Path.of("").toAbsolutePath();
        Path work = temp.resolve("work");
        while (work.getNameCount() <= cwd.getNameCount()) {
            work = work.resolve("deeper");
        }
        Path relative = cwd.relativize(work);
        assertThat(relative.isAbsolute()).isFalse();
        try (LocalKinesisEmulator emulator = LocalKinesisEmulator.startBundled(relative, 0, null)) {
            assertThat(emulator.problem()).isEmpty();
            assertThat(emulator.running()).isTrue();
        }
        assertThat(work).isDirectory();
    }

    @Test
    void aStartUpFailureCarriesWhatKinesisLocalPrinted(@TempDir Path work) throws Exception {
        // A listening socket on the port: kinesis-local cannot bind it and exits.
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> LocalKinesisEmulator.startBundled(work, taken.getLocalPort(), null).close())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("kinesis-local exited with")
                    .hasMessageContaining("its last output")
                    .hasMessageContaining("EADDRINUSE");
        }
    }
}
