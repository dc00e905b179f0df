package com.boxoffice.deploy.image;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** The OCI image layout tarball Jib wrote: its index, manifest and config, and a way through its layers. */
final class ImageTarball {

    static final Path DIRECTORY = Path.of(System.getProperty("boxoffice.image.directory", "target"));
    static final Path TARBALL = DIRECTORY.resolve("jib-image.tar");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a layer's files are read with, one after the other. */
    interface LayerReader {
        void read(Tar layer) throws IOException;
    }

    final Map<String, byte[]> smallEntries = new HashMap<>();
    final JsonNode index;
    final JsonNode manifest;
    final JsonNode config;

    ImageTarball() {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(TARBALL))) {
            Tar tar = new Tar(in);
            for (Tar.Entry entry = tar.next(); entry != null; entry = tar.next()) {
                if (entry.isFile() && entry.size() < 1 << 20) {
                    smallEntries.put(entry.name(), tar.content().readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        index = JSON.readTree(smallEntries.get("index.json"));
        manifest = JSON.readTree(blob(index.get("manifests").get(0).get("digest").asString()));
        config = JSON.readTree(blob(manifest.get("config").get("digest").asString()));
    }

    byte[] blob(String digest) {
        byte[] blob = smallEntries.get("blobs/sha256/" + digest.substring("sha256:".length()));
        if (blob == null) {
            throw new AssertionError("No blob " + digest + " in " + TARBALL);
        }
        return blob;
    }

    /** Reads the layers in the manifest's order (each a gzip tar of files). */
    void eachLayer(LayerReader reader) throws IOException {
        List<String> layers = manifest.get("layers").valueStream().map(l -> l.get("digest").asString()).toList();
        Map<String, Integer> order = new HashMap<>();
        layers.forEach(layer -> order.put(layer, order.size()));
        // The tarball need not hold the layers in the manifest's order: read them as they come, checking each once.
        int seen = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(TARBALL))) {
            Tar tar = new Tar(in);
            for (Tar.Entry entry = tar.next(); entry != null; entry = tar.next()) {
                String digest = "sha256:" + entry.name().substring(entry.name().lastIndexOf('/') + 1);
                if (order.containsKey(digest)) {
                    reader.read(new Tar(new GZIPInputStream(tar.content(), 1 << 16)));
                    seen++;
                }
            }
        }
        if (seen != layers.size()) {
            throw new AssertionError("The tarball holds " + seen + " of the manifest's " + layers.size() + " layers");
        }
    }
}
