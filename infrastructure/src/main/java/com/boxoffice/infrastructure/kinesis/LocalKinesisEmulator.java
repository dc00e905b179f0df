package com.boxoffice.infrastructure.kinesis;

import com.boxoffice.infrastructure.dynamodb.AwsCredentialsChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * kinesis-local (the JavaScript build of kinesis-mock) as a child process: {@code node main.js}, started from its
 * package folder because it reads {@code server.json} from the working directory.
 * <p>
 * Missing Node.js or a missing {@code npm ci} does not stop the application: {@link #start} logs what to do and
 * returns an emulator that is not running, whose endpoint has nothing listening, so publishing waits (and health
 * says why) until someone starts one there. {@link #stop()} and {@link #restart()} keep the port, so an outage can
 * be simulated; with a data folder, the emulator persists its streams and a restart keeps the records.
 */
public final class LocalKinesisEmulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKinesisEmulator.class);
    /** The package folder under the emulator's directory. */
    static final Path PACKAGE = Path.of("node_modules", "kinesis-local");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path packageDir;
    private final int port;
    private final int tlsPort;
    private final Path dataDir;
    private final String problem;
    private Process process;

    private LocalKinesisEmulator(Path packageDir, int port, int tlsPort, Path dataDir, String problem) {
        this.packageDir = packageDir;
        this.port = port;
        this.tlsPort = tlsPort;
        this.dataDir = dataDir;
        this.problem = problem;
    }

    /**
     * Starts the emulator and waits until it answers ListStreams.
     *
     * @param emulatorDir the folder with {@code package.json} (relative paths are looked up from the working directory
     *                    upwards, so tests run from a module folder find the repository's {@code tools/})
     * @param port        the plain HTTP port, 0 for a free one
     * @param dataDir     where to persist streams, null to keep them in memory
     * @return the running emulator, or one that is not running with {@link #problem()} saying why
     */
    public static LocalKinesisEmulator start(Path emulatorDir, int port, Path dataDir) {
        int plainPort = port == 0 ? freePort() : port;
        Optional<Path> packageDir = locate(emulatorDir);
        String problem = null;
        if (packageDir.isEmpty()) {
            problem = "kinesis-local is not installed: no " + emulatorDir.resolve(PACKAGE).resolve("main.js")
                    + " in " + Path.of("").toAbsolutePath() + " or its parents; run `npm ci` in " + emulatorDir;
        } else if (!nodeAvailable()) {
            problem = "Node.js (`node`) is not on the PATH; install Node.js 20 to run the Kinesis emulator";
        }
        LocalKinesisEmulator emulator = new LocalKinesisEmulator(packageDir.orElse(null), plainPort, freePort(),
                dataDir == null ? null : dataDir.toAbsolutePath().normalize(), problem);
        if (problem != null) {
            log.warn("Kinesis emulator NOT started: {}. Publishing to Kinesis waits until an emulator answers at {}",
                    problem, emulator.endpoint());
            return emulator;
        }
        emulator.launch();
        // A JVM that exits without closing its Spring context (System.exit, SIGTERM) must not leave node running.
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop, "kinesis-local-stop"));
        return emulator;
    }

    /** Finds {@code <dir>/node_modules/kinesis-local/main.js}, trying the working directory and its parents. */
    static Optional<Path> locate(Path emulatorDir) {
        if (emulatorDir.isAbsolute()) {
            Path candidate = emulatorDir.resolve(PACKAGE);
            return Files.isRegularFile(candidate.resolve("main.js")) ? Optional.of(candidate) : Optional.empty();
        }
        for (Path base = Path.of("").toAbsolutePath(); base != null; base = base.getParent()) {
            Path candidate = base.resolve(emulatorDir).resolve(PACKAGE);
            if (Files.isRegularFile(candidate.resolve("main.js"))) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
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
        ProcessBuilder builder = new ProcessBuilder("node", "main.js")
                .directory(packageDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
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
        awaitReady();
        log.info("Kinesis emulator (kinesis-local, pid {}) at {} ready in {} ms{}", process.pid(), endpoint(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                dataDir == null ? "" : ", data in " + dataDir);
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (KinesisClient probe = KinesisClients.create(endpoint(), KinesisClients.LOCAL_REGION,
                AwsCredentialsChoice.localEmulator(),
                b -> b.overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))
                        .apiCallTimeout(Duration.ofSeconds(2))))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("kinesis-local exited with " + process.exitValue()
                            + " during start-up in " + packageDir + " (port " + port + " taken?)");
                }
                try {
                    probe.listStreams();
                    return;
                } catch (RuntimeException notYet) {
                    if (System.nanoTime() > deadline) {
                        process.destroyForcibly();
                        throw new IllegalStateException("kinesis-local did not answer ListStreams at " + endpoint()
                                + " within " + START_TIMEOUT.toSeconds() + " s", notYet);
                    }
                    sleep(100);
                }
            }
        }
    }

    /** The plain HTTP endpoint, also when not running. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Why the emulator could not be started, empty when it could. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * Kills the process. kinesis-local's graceful shutdown (SIGTERM) waits for the clients' idle keep-alive connections
     * and so takes as long as they live; a kill is immediate. What survives a restart: see
     * {@link KinesisProperties.Emulator#dataDir()}.
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
