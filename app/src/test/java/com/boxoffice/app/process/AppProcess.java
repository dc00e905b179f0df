package com.boxoffice.app.process;

import com.boxoffice.testing.LocalDynamoDb;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application jar as a real process (a separate JVM), for tests that kill it: {@link #kill()} sends SIGKILL, so
 * nothing in the JVM gets to clean up, exactly as a crashed host.
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The jar {@code mvn package} built; failsafe runs after it. */
    public static Path jar() {
        // The build's output folder (-Dboxoffice.target=... builds elsewhere than target/).
        Path jar = Path.of(System.getProperty("boxoffice.target", "target"), "boxoffice.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No application jar at " + jar.toAbsolutePath() + ": run 'mvn package' first");
        }
        return jar;
    }

    /**
     * Starts the jar on a free port and waits until {@code /actuator/health} is UP.
     *
     * @param properties {@code name=value} Spring properties, e.g. the DynamoDB endpoint shared by several instances
     */
    public static AppProcess start(String name, List<String> properties) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-jar", jar().toAbsolutePath().toString(), "--server.port=" + port));
        properties.forEach(p -> command.add("--" + p));
        Path log = Files.createTempFile("boxoffice-" + name + "-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppProcess app = new AppProcess(name, process, port, log);
        app.awaitHealthy();
        return app;
    }

    /**
     * The properties of an instance on the test JVM's DynamoDB Local ({@code LocalDynamoDb}, shared by every process
     * a test starts) under one table prefix, with Kinesis publishing off, plus {@code extra} ones.
     */
    public static List<String> onLocalDynamoDb(String tablePrefix, String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "boxoffice.dynamodb.mode=ENDPOINT",
                "boxoffice.dynamodb.endpoint=" + LocalDynamoDb.endpoint(),
                "boxoffice.dynamodb.table-prefix=" + tablePrefix,
                "boxoffice.kinesis.enabled=false"));
        properties.addAll(List.of(extra));
        return properties;
    }

    private void awaitHealthy() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + tail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " not healthy within " + START_TIMEOUT + "; log:\n" + tail());
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hooks, no claim released, no buffer flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The last lines of the process's log, for failure messages. */
    public String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
