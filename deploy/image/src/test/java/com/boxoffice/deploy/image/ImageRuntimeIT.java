package com.boxoffice.deploy.image;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The image's Java runtime runs, as the image's user, on the image's files alone: the layers are unpacked into a
 * folder, and java runs there under chroot (in a mount namespace of its own, with /proc as a container has it).
 * Without Docker this is the nearest to starting the container; it needs root, util-linux's unshare and a machine
 * that allows mount namespaces, and is skipped elsewhere.
 */
class ImageRuntimeIT {

    private static final Path ROOT = ImageTarball.DIRECTORY.resolve("image-rootfs");

    @Test
    void javaRunsAsTheImagesUserOnTheImagesFilesAlone() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "chroot needs root");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "needs unshare (util-linux)");
        assumeTrue(mountNamespacesAllowed(), "this machine refuses a mount namespace (a container without the right)");
        unpackLayers();
        Files.createDirectories(ROOT.resolve("proc"));

        Process java = new ProcessBuilder("/usr/bin/unshare", "--mount", "--fork", "sh", "-c",
                "mount -t proc proc \"$0/proc\" && exec chroot --userspec=65532:65532 \"$0\" "
                        + "/opt/java/bin/java -XX:MaxRAMPercentage=75.0 -XshowSettings:properties -version",
                ROOT.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        boolean ended = java.waitFor(120, TimeUnit.SECONDS);
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            java.destroyForcibly();
        }

        assertThat(ended).as(output).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
        assertThat(output).contains("java.home = /opt/java", "user.name = boxoffice", "OpenJDK");
    }

    private static boolean mountNamespacesAllowed() throws IOException, InterruptedException {
        Process probe = new ProcessBuilder("/usr/bin/unshare", "--mount", "--fork", "true")
                .redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }

    private static void unpackLayers() throws IOException {
        new ImageTarball().eachLayer(ImageRuntimeIT::unpack);
    }

    private static void unpack(Tar layer) throws IOException {
        for (Tar.Entry file = layer.next(); file != null; file = layer.next()) {
            Path target = ROOT.resolve(file.name()).normalize();
            if (!target.startsWith(ROOT)) {
                throw new IOException("A layer entry leaves the image: " + file.name());
            }
            if (file.isDirectory()) {
                Files.createDirectories(target);
            } else if (file.isFile()) {
                Files.createDirectories(target.getParent());
                Files.copy(layer.content(), target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                continue;
            }
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(permissions(file.mode())));
        }
    }

    private static String permissions(int mode) {
        String bits = "rwxrwxrwx";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            text.append((mode & (1 << (8 - i))) != 0 ? bits.charAt(i) : '-');
        }
        return text.toString();
    }
}
