package com.boxoffice.localaws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kinesis-local package this jar carries (copied in by the build from the npm registry), unpacked to a folder on
 * disk because Node.js runs files, not classpath resources.
 * <p>
 * Each version unpacks into a folder of its own, named after a digest of the bundled {@code package.json}, so jars of
 * different versions can share a work folder and an unpacked folder is never rewritten. Unpacking writes to a
 * temporary folder first and renames it into place, so a crash or a second process unpacking at the same time never
 * leaves a half-written package behind.
 */
public final class BundledKinesisLocal {

    static final String RESOURCE_DIR = "/com/boxoffice/localaws/kinesis-local/";
    static final List<String> FILES = List.of("package.json", "server.json", "main.js", "LICENSE");

    private BundledKinesisLocal() {
    }

    /** Whether this jar carries the emulator (a build without npm cannot produce one that does). */
    public static boolean present() {
        return BundledKinesisLocal.class.getResource(RESOURCE_DIR + "main.js") != null;
    }

    /**
     * Unpacks the package under {@code workDir} unless it is there already.
     *
     * @return the folder holding {@code main.js}
     * @throws IllegalStateException when this jar carries no emulator
     * @throws UncheckedIOException  when the work folder cannot be written
     */
    public static Path unpackTo(Path workDir) {
        if (!present()) {
            throw new IllegalStateException("this build carries no kinesis-local (it was built without npm)");
        }
        Path target = workDir.toAbsolutePath().normalize().resolve("kinesis-local-" + version());
        if (Files.isRegularFile(target.resolve("main.js"))) {
            return target;
        }
        try {
            Files.createDirectories(workDir);
            Path staging = Files.createTempDirectory(workDir, ".kinesis-local-");
            for (String file : FILES) {
                try (InputStream in = resource(file)) {
                    Files.copy(in, staging.resolve(file));
                }
            }
            moveIntoPlace(staging, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the Kinesis emulator into " + workDir, e);
        }
    }

    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
            // Another process unpacked the same version first (or the file system cannot rename atomically and a
            // complete copy is there): theirs is identical, ours goes.
            deleteRecursively(staging);
            if (!Files.isRegularFile(target.resolve("main.js"))) {
                throw e;
            }
        }
    }

    /** The first 12 hex digits of the SHA-256 of the bundled {@code package.json}. */
    static String version() {
        try (InputStream in = resource("package.json")) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled kinesis-local package.json", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = BundledKinesisLocal.class.getResourceAsStream(RESOURCE_DIR + file);
        if (in == null) {
            throw new IOException("the bundled kinesis-local lacks " + file);
        }
        return in;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
