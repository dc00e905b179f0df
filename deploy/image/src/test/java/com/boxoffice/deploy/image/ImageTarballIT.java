package com.boxoffice.deploy.image;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The image tarball the build made: its manifest, configuration and layers. */
class ImageTarballIT {

    private static ImageTarball image;
    private static JsonNode manifest;
    private static JsonNode config;
    /** Every file and folder of every layer, by path, and the text of /etc/passwd. */
    private static Map<String, Tar.Entry> imageFiles;
    private static String passwd;

    @BeforeAll
    static void readTheTarball() throws Exception {
        image = new ImageTarball();
        manifest = image.manifest;
        config = image.config;
        imageFiles = new HashMap<>();
        image.eachLayer(layer -> {
            for (Tar.Entry file = layer.next(); file != null; file = layer.next()) {
                imageFiles.put(file.name().replaceFirst("/$", ""), file);
                if (file.name().equals("etc/passwd")) {
                    passwd = new String(layer.content().readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        });
    }

    @Test
    void theDigestFileNamesTheImagesManifest() throws Exception {
        String digest = Files.readString(ImageTarball.DIRECTORY.resolve("jib-image.digest")).trim();
        JsonNode index = image.index;

        assertThat(digest).matches("sha256:[0-9a-f]{64}");
        assertThat(index.get("manifests").get(0).get("digest").asString()).isEqualTo(digest);
        assertThat("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image.blob(digest))))
                .isEqualTo(digest);
        assertThat(manifest.get("mediaType").asString()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
    }

    @Test
    void theImageRunsTheJarAsANonRootUserWithJvmFlagsForContainers() {
        JsonNode container = config.get("config");

        assertThat(container.get("Entrypoint").valueStream().map(JsonNode::asString).toList()).containsExactly(
                "/opt/java/bin/java", "-XX:MaxRAMPercentage=75.0", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
                "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=/tmp", "-jar", "/app/boxoffice.jar");
        assertThat(container.get("User").asString()).isEqualTo("65532:65532");
        assertThat(container.get("WorkingDir").asString()).isEqualTo("/tmp");
        assertThat(container.get("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(container.get("Env").valueStream().map(JsonNode::asString).toList()).contains("JAVA_HOME=/opt/java");
        assertThat(config.get("architecture").asString()).isEqualTo("amd64");
        assertThat(config.get("os").asString()).isEqualTo("linux");
    }

    @Test
    void theLayersHoldTheJarAndAJavaRuntimeTheUserCanRun() {
        assertThat(imageFiles).containsKeys("app/boxoffice.jar", "opt/java/lib/server/libjvm.so",
                "opt/java/lib/security/cacerts", "opt/java/lib/modules", "etc/passwd");
        assertThat(imageFiles.get("app/boxoffice.jar").size()).isGreaterThan(10_000_000L);
        assertThat(imageFiles.get("opt/java/bin/java").mode() & 0755).isEqualTo(0755);
        assertThat(imageFiles.keySet()).anyMatch(name -> name.matches("lib64/ld-linux-x86-64\\.so\\.\\d"))
                .anyMatch(name -> name.matches(".*lib.*/libc\\.so\\.6"));
        assertThat(imageFiles.get("tmp").isDirectory()).isTrue();
        assertThat(imageFiles.get("tmp").mode() & 0777).isEqualTo(0777);
    }

    @Test
    void theImageNamesItsUserInEtcPasswd() {
        assertThat(passwd).contains("boxoffice:x:65532:65532:");
    }
}
