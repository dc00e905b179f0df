package com.boxoffice.localaws;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * kinesis-local (the JavaScript build of kinesis-mock) as a child process: {@code node main.js}, started from its
 * package folder because it reads {@code server.json} from the working directory. The package is the one this jar
 * carries ({@link BundledKinesisLocal}, unpacked into a work folder on first use), or an installed one.
 * <p>
 * Missing Node.js does not stop the application: {@link #start} logs what to do and returns an emulator that is not
 * running, whose endpoint has nothing listening and whose {@link #problem()} says why, so publishing waits (and
 * health says why) until someone starts one there. {@link #stop()} and {@link #restart()} keep the port, so an
 * outage can be simulated; with a data folder, the emulator persists its streams.
 */
public final class LocalKinesisEmulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKinesisEmulator.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;
    /** Lines of kinesis-local's output kept for the message of a start-up failure. */
    private static final int OUTPUT_TAIL_LINES = 20;

    private final Path packageDir;
    private final Path preload;
    private final int port;
    private final int tlsPort;
    private final Path dataDir;
    private final String problem;
    private Process process;
    private final Deque<String> outputTail = new ArrayDeque<>();
    private Thread outputReader;

    private LocalKinesisEmulator(Path packageDir, Path preload, int port, int tlsPort, Path dataDir, String problem) {
        this.packageDir = packageDir;
        this.preload = preload;
        this.port = port;
        this.tlsPort = tlsPort;
        this.dataDir = dataDir;
        this.problem = problem;
    }

    /**
     * Starts the emulator this jar carries and waits until it answers ListStreams.
     *
     * @param workDir where the bundled package is unpacked (once per version)
     * @param port    the plain HTTP port, 0 for a free one
     * @param dataDir where to persist streams, null to keep them in memory
     * @return the running emulator, or one that is not running with {@link #problem()} saying why
     */
    public static LocalKinesisEmulator startBundled(Path workDir, int port, Path dataDir) {
        Path packageDir;
        try {
            packageDir = BundledKinesisLocal.unpackTo(workDir);
        } catch (IllegalStateException e) {
            return notStarted(port, dataDir, e.getMessage(), null);
        } catch (UncheckedIOException e) {
            return notStarted(port, dataDir, "the Kinesis emulator could not be unpacked into its work folder"
                    + " (boxoffice.kinesis.emulator.work-dir)", e.getMessage() + ": " + e.getCause());
        }
        return start(packageDir, workDir, port, dataDir);
    }

    /**
     * Starts an installed kinesis-local and waits until it answers ListStreams.
     *
     * @param packageDir the folder holding kinesis-local's {@code main.js} (e.g. {@code node_modules/kinesis-local})
     * @param port       the plain HTTP port, 0 for a free one
     * @param dataDir    where to persist streams, null to keep them in memory
     * @return the running emulator, or one that is not running with {@link #problem()} saying why
     */
    public static LocalKinesisEmulator start(Path packageDir, int port, Path dataDir) {
        Path preloadDir;
        try {
            preloadDir = Files.createTempDirectory("boxoffice-kinesis-local-");
        } catch (IOException e) {
            return notStarted(port, dataDir, "no temporary folder for the emulator's loopback preload", e.toString());
        }
        return start(packageDir, preloadDir, port, dataDir);
    }

    private static LocalKinesisEmulator start(Path packageDir, Path preloadDir, int port, Path dataDir) {
        Path absolute = packageDir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute.resolve("main.js"))) {
            return notStarted(port, dataDir, "kinesis-local is not installed in the emulator folder it was given"
                    + " (boxoffice.kinesis.emulator.dir): it holds no main.js", "folder " + absolute);
        }
        if (!nodeAvailable()) {
            return notStarted(port, dataDir,
                    "Node.js (`node`) is not on the PATH; install Node.js 20 to run the Kinesis emulator", null);
        }
        Path preload;
        try {
            // Absolute: node resolves `--require` from the package folder, and a relative work folder (the app's
            // ./data/kinesis-emulator) is relative to this JVM's working directory.
            preload = LoopbackPreload.writeInto(preloadDir.toAbsolutePath().normalize());
        } catch (IllegalStateException | UncheckedIOException e) {
            return notStarted(port, dataDir, "the emulator's loopback preload could not be written", e.getMessage());
        }
        LocalKinesisEmulator emulator = launchOnFreePorts(absolute, preload, port, normalized(dataDir));
        // A JVM that exits without closing its Spring context (System.exit, SIGTERM) must not leave node running.
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop, "kinesis-local-stop"));
        return emulator;
    }

    /**
     * Ports chosen here are probed free and then bound by node a moment later, so another process can take one in
     * between: an emulator that exits during start-up is started again on new ports, a few times. A port the caller
     * chose stays as it is (and a taken one fails each time).
     */
    private static LocalKinesisEmulator launchOnFreePorts(Path packageDir, Path preload, int port, Path dataDir) {
        for (int attempt = 1; ; attempt++) {
            LocalKinesisEmulator emulator = new LocalKinesisEmulator(packageDir, preload, portOrFree(port), freePort(),
                    dataDir, null);
            try {
                emulator.launch();
                return emulator;
            } catch (ExitedDuringStartException e) {
                if (attempt == START_ATTEMPTS) {
                    throw e;
                }
                log.info("kinesis-local exited during start-up ({}); starting it again on other ports", e.exitCode);
            }
        }
    }

    /** kinesis-local ended before it answered, typically because a port was taken. */
    static final class ExitedDuringStartException extends IllegalStateException {
        private final int exitCode;

        ExitedDuringStartException(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    /**
     * @param problem what {@link #problem()} says, which health shows publicly: no path of this machine in it
     * @param where   what only the log adds (a path, an I/O error), or null
     */
    private static LocalKinesisEmulator notStarted(int port, Path dataDir, String problem, String where) {
        LocalKinesisEmulator emulator = new LocalKinesisEmulator(null, null, portOrFree(port), freePort(),
                normalized(dataDir), problem);
        log.warn("Kinesis emulator NOT started: {}{}. Publishing to Kinesis waits until an emulator answers at {}",
                problem, where == null ? "" : " [" + where + "]", emulator.endpoint());
        return emulator;
    }

    private static int portOrFree(int port) {
        return port == 0 ? freePort() : port;
    }

    private static Path normalized(Path dataDir) {
        return dataDir == null ? null : dataDir.toAbsolutePath().normalize();
    }

    private static boolean nodeAvailable() {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized void launch() {
        long started = System.nanoTime();
        // The preload keeps every server of the emulator on 127.0.0.1 (see LoopbackPreload).
        ProcessBuilder builder = new ProcessBuilder("node", "--require", preload.toString(), "main.js")
                .directory(packageDir.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("KINESIS_MOCK_PLAIN_PORT", Integer.toString(port));
        env.put("KINESIS_MOCK_TLS_PORT", Integer.toString(tlsPort));
        env.put("LOG_LEVEL", "WARN");
        // Streams become ACTIVE after this; the default 500 ms slows every test's set-up.
        env.put("CREATE_STREAM_DURATION", "100ms");
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the Kinesis emulator's data folder " + dataDir, e);
            }
            env.put("SHOULD_PERSIST_DATA", "true");
            env.put("LOAD_DATA_IF_EXISTS", "true");
            env.put("PERSIST_PATH", dataDir.toString());
            env.put("PERSIST_INTERVAL", "1s");
        }
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start `node main.js` in " + packageDir, e);
        }
        drainOutput(process);
        awaitReady();
        log.info("Kinesis emulator (kinesis-local, pid {}) at {} ready in {} ms{}", process.pid(), endpoint(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                dataDir == null ? "" : ", data in " + dataDir);
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        // kinesis-local accepts any credentials.
        try (KinesisClient probe = KinesisClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))
                        .apiCallTimeout(Duration.ofSeconds(2)))
                .build()) {
            while (true) {
                if (!process.isAlive()) {
                    throw new ExitedDuringStartException("kinesis-local exited with " + process.exitValue()
                            + " during start-up in " + packageDir + " (port " + port + " taken?)" + outputForMessage(),
                            process.exitValue());
                }
                try {
                    probe.listStreams();
                    return;
                } catch (RuntimeException notYet) {
                    if (System.nanoTime() > deadline) {
                        process.destroyForcibly();
                        throw new IllegalStateException("kinesis-local did not answer ListStreams at " + endpoint()
                                + " within " + START_TIMEOUT.toSeconds() + " s" + outputForMessage(), notYet);
                    }
                    sleep(100);
                }
            }
        }
    }

    /**
     * Reads the process's output (stdout and stderr) on a daemon thread until it ends, so that the process never
     * blocks on a full pipe: each line goes to this class's logger at DEBUG, and the last lines are kept for the
     * message of a start-up failure.
     */
    private void drainOutput(Process started) {
        synchronized (outputTail) {
            outputTail.clear();
        }
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    log.debug("kinesis-local: {}", line);
                    synchronized (outputTail) {
                        if (outputTail.size() == OUTPUT_TAIL_LINES) {
                            outputTail.removeFirst();
                        }
                        outputTail.addLast(line);
                    }
                }
            } catch (IOException killed) {
                // the stream ends with the process
            }
        }, "kinesis-local-output");
        reader.setDaemon(true);
        reader.start();
        outputReader = reader;
    }

    /** The last lines kinesis-local wrote, for an exception message; empty when it wrote none. */
    private String outputForMessage() {
        try {
            // Once the process is gone, its output ends: let the reader take the last lines first.
            if (process.waitFor(2, TimeUnit.SECONDS) && outputReader != null) {
                outputReader.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (outputTail) {
            return outputTail.isEmpty() ? "" : "; its last output:\n  " + String.join("\n  ", outputTail);
        }
    }

    /** The plain HTTP endpoint, also when not running. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The emulator process's id while it runs. */
    public synchronized OptionalLong pid() {
        return running() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Why the emulator could not be started, in words without paths of this machine; empty when it could. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * Kills the process. kinesis-local's graceful shutdown (SIGTERM) waits for the clients' idle keep-alive connections
     * and so takes as long as they live; a kill is immediate. Seen with kinesis-local 0.6.2 and a data folder: streams
     * survive a restart, records written through the Java SDK do not.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Kinesis emulator at {} stopped", endpoint());
        process = null;
    }

    /** Starts a stopped emulator again on the same port. */
    public synchronized void restart() {
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the Kinesis emulator", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kinesis emulator", e);
        }
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>(List.of("endpoint=" + endpoint()));
        problem().ifPresent(p -> parts.add("problem=" + p));
        return "LocalKinesisEmulator" + parts;
    }
}
