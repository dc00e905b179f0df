package com.boxoffice.app.process;

import com.boxoffice.app.testing.DemoTokens;
import com.boxoffice.testing.LocalDynamoDb;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application jar as a real process (a separate JVM), for tests that kill it: {@link #kill()} sends SIGKILL, so
 * nothing in the JVM gets to clean up, exactly as a crashed host. Both {@link #kill()} and {@link #close()} also end
 * what the JVM started (the Kinesis emulator's {@code node}), so no test leaves a process behind.
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern LISTENING = Pattern.compile("Tomcat started on port (\\d+)");

    private final String name;
    private final Process process;
    private final Path log;
    /** 0 until the app has said where it listens. */
    private volatile int port;

    private AppProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
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
        return start(name, properties, null, environment -> {
        });
    }

    /**
     * Starts the jar on a free port in a working directory of the caller's, with the environment adjusted, and waits
     * until {@code /actuator/health} is UP. The JVM is started by its absolute path, so {@code environment} may set a
     * {@code PATH} without it.
     *
     * @param workingDir  the process's working directory (relative paths such as {@code ./data} resolve there); null
     *                    for this JVM's
     * @param environment edits the environment the process inherits from this JVM
     */
    public static AppProcess start(String name, List<String> properties, Path workingDir,
                                   Consumer<Map<String, String>> environment) throws IOException, InterruptedException {
        // Port 0: the app binds a free port itself and logs it. A port probed free here could be taken by someone
        // else in the seconds before the app binds it.
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-jar", jar().toAbsolutePath().toString(), "--server.port=0"));
        properties.forEach(p -> command.add("--" + p));
        Path log = Files.createTempFile("boxoffice-" + name + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        environment.accept(builder.environment());
        AppProcess app = new AppProcess(name, builder.start(), log);
        try {
            app.awaitHealthy();
            DemoTokens.forget("http://127.0.0.1:" + app.port);
        } catch (RuntimeException | IOException | InterruptedException e) {
            app.kill();
            throw e;
        }
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
            if (port == 0) {
                port = listeningPort();
            }
            if (port != 0) {
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not answering yet
                }
            }
            Thread.sleep(500);
        }
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

    /** The JVM's process, e.g. to look at its children. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Everything the process wrote to stdout and stderr so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    /**
     * SIGKILL: no shutdown hooks, no claim released, no buffer flushed. The processes the JVM started get SIGKILL too
     * (its shutdown hook would have stopped them; a test must not leave them running).
     */
    public void kill() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        killAll(children);
    }

    /** The last lines of the process's log, for failure messages. */
    public String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    /** SIGTERM and up to 30 s for a graceful stop, then {@link #kill()}; ends whatever the JVM left running. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
        killAll(children);
    }

    private static void killAll(List<ProcessHandle> processes) {
        for (ProcessHandle child : processes) {
            child.destroyForcibly();
        }
        for (ProcessHandle child : processes) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // SIGKILL was sent; nothing more a test can do
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The port the app's log says it listens on; 0 while it does not say yet. */
    private int listeningPort() throws IOException {
        // Decoded leniently: the log may end in the middle of a character that is still being written.
        Matcher listening = LISTENING.matcher(new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        return listening.find() ? Integer.parseInt(listening.group(1)) : 0;
    }

}
