package com.boxoffice.localaws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The script {@code node --require}s before kinesis-local so that its servers listen on 127.0.0.1 only: kinesis-local
 * binds 0.0.0.0 with no option to change it, and it accepts any credentials.
 */
final class LoopbackPreload {

    private static final String RESOURCE = "/com/boxoffice/localaws/loopback.js";
    static final String FILE_NAME = "boxoffice-loopback.js";

    private LoopbackPreload() {
    }

    /**
     * Writes the script into {@code dir} (created when missing), replacing an older copy atomically, so that two
     * processes starting emulators at once each see a complete file.
     *
     * @return the script's path
     */
    static Path writeInto(Path dir) {
        try (InputStream in = LoopbackPreload.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("this jar lacks " + RESOURCE);
            }
            Files.createDirectories(dir);
            Path staging = Files.createTempFile(dir, ".loopback-", ".js");
            Files.copy(in, staging, StandardCopyOption.REPLACE_EXISTING);
            Path target = dir.resolve(FILE_NAME);
            Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Kinesis emulator's loopback preload into " + dir, e);
        }
    }
}
