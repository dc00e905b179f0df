package com.boxoffice.app.process;

import com.boxoffice.app.testing.DemoTokens;
import com.boxoffice.testing.KinesisEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar alone is the whole embedded default: started in an empty directory of a machine with Java and
 * Node.js, with nothing pointing at the checkout and no AWS configuration, it runs DynamoDB Local in-process and the
 * Kinesis emulator it carries (unpacked under {@code ./data/kinesis-emulator}), and a scheduled concert reaches the
 * all-events stream as a CloudEvent. Without Node.js on the PATH it starts all the same, says once what to install,
 * and its {@code kinesis} health carries the reason.
 */
class WholeJarIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STREAM = "boxoffice-events";
    private static final String NO_NODE = "Node.js (`node`) is not on the PATH";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<AppProcess> started = new ArrayList<>();

    @TempDir
    Path temp;

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (AppProcess app : started) {
            // SIGKILL to the JVM and the emulator it started: nothing is left running, whatever the test did.
            app.kill();
        }
    }

    @Test
    void fromAnEmptyDirectoryTheJarRunsTheEmbeddedDefaultAndPublishesToItsOwnEmulator() throws Exception {
        Path checkout = checkout();
        Path workDir = Files.createDirectory(temp.resolve("any-directory"));
        assertThat(workDir.toRealPath().startsWith(checkout)).as("the test's directory " + workDir
                + " lies outside the checkout " + checkout).isFalse();
        int emulatorPort = freePort();
        Instant before = Instant.now().minusSeconds(1);

        AppProcess app = start("whole-jar", workDir, environment -> cleanMachine(environment, temp),
                "boxoffice.kinesis.emulator.port=" + emulatorPort);

        await("kinesis UP in /actuator/health").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(kinesisHealth(app).path("status").asString())
                        .as(health(app).toString()).isEqualTo("UP"));

        String concertId = scheduleConcert(app);
        try (KinesisClient reader = KinesisEmulator.newClient(URI.create("http://127.0.0.1:" + emulatorPort), b -> {
        })) {
            JsonNode cloudEvent = await("ConcertScheduled of " + concertId + " on " + STREAM)
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> concertScheduled(reader, concertId), Optional::isPresent).orElseThrow();
            assertThat(cloudEvent.path("specversion").asString()).isEqualTo("1.0");
            assertThat(cloudEvent.path("source").asString()).isEqualTo("/boxoffice/ticketing");
            assertThat(cloudEvent.path("data").path("concertId").asString()).isEqualTo(concertId);
            assertThat(cloudEvent.path("data").path("name").asString()).isEqualTo("Whole Jar");
        }

        // Everything the embedded default keeps is under the working directory's ./data.
        Path emulatorWork = workDir.resolve("data").resolve("kinesis-emulator");
        List<Path> unpacked = unpackedEmulators(emulatorWork);
        assertThat(unpacked).as("the carried emulator, unpacked once under " + emulatorWork).hasSize(1);
        assertThat(unpacked.get(0).resolve("main.js")).isRegularFile();
        assertThat(unpacked.get(0).resolve("server.json")).isRegularFile();
        assertThat(workDir.resolve("data").resolve("shared-local-instance.db"))
                .as("DynamoDB Local's file (-sharedDb)").isRegularFile();
        assertRunsOutsideTheCheckout(app, workDir, unpacked.get(0), checkout);
        assertThat(emulatorsUnpackedSince(checkout, unpacked.get(0).getFileName().toString(), before))
                .as("emulators unpacked into the checkout by this run").isEmpty();
    }

    @Test
    void withoutNodeTheJarStartsSaysOnceWhatToInstallAndHealthTellsWhy() throws Exception {
        Path workDir = Files.createDirectory(temp.resolve("any-directory"));
        Path binWithoutNode = Files.createDirectory(temp.resolve("bin-without-node"));

        // A port below the ephemeral range: no other test's emulator (port 0) can come to listen where this one is not.
        AppProcess app = start("no-node", workDir, environment -> {
            cleanMachine(environment, temp);
            environment.put("PATH", binWithoutNode.toString());
        }, "boxoffice.kinesis.health.probe-interval=0s", "boxoffice.kinesis.emulator.port=" + freePort());

        // Health answers (AppProcess waited for it) and, the emulator not running, Kinesis is unreachable.
        JsonNode kinesis = await("kinesis health with the emulator's problem").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> kinesisHealth(app), node -> node.path("details").has("emulator"));
        assertThat(kinesis.path("status").asString()).as(kinesis.toString()).isEqualTo("UNKNOWN");
        assertThat(kinesis.path("details").path("emulator").asString()).contains(NO_NODE, "install Node.js");
        assertThat(kinesis.path("details").path("error").asString()).as(kinesis.toString()).isNotBlank();

        // The shop takes commands without Kinesis. The stream provisioning at start-up has given up (its one line),
        // and the publisher has failed to send the event (health shows since when), each saying so in its own words.
        scheduleConcert(app);
        await("the start-up provisioning gave up and the publisher failed")
                .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> app.output().contains("not ready at start-up")
                        && kinesisHealth(app).path("details").has("unreachableSince"));
        JsonNode failing = kinesisHealth(app);
        assertThat(failing.path("status").asString()).as(failing.toString()).isEqualTo("UNKNOWN");
        assertThat(failing.path("details").path("emulator").asString()).contains(NO_NODE);
        for (int i = 0; i < 3; i++) {
            // Probe interval 0 s: every check asks Kinesis again.
            assertThat(kinesisHealth(app).path("details").path("emulator").asString()).contains(NO_NODE);
        }

        List<String> saying = app.output().lines().filter(line -> line.contains("Node.js")).toList();
        assertThat(saying).as("log lines naming Node.js").singleElement().asString()
                .contains(" WARN ", NO_NODE, "install Node.js");
    }

    private AppProcess start(String name, Path workDir, Consumer<Map<String, String>> environment,
                             String... properties) throws IOException, InterruptedException {
        AppProcess app = AppProcess.start(name, List.of(properties), workDir, environment);
        started.add(app);
        return app;
    }

    /**
     * A machine on which nothing is configured: no AWS credentials (so {@code AUTO} means embedded, never a real
     * account), no {@code BOXOFFICE_*} or {@code SPRING_*} settings.
     */
    private static void cleanMachine(Map<String, String> environment, Path temp) {
        environment.keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("BOXOFFICE_")
                || key.startsWith("SPRING_"));
        environment.put("AWS_SHARED_CREDENTIALS_FILE", temp.resolve("no-aws").resolve("credentials").toString());
        environment.put("AWS_CONFIG_FILE", temp.resolve("no-aws").resolve("config").toString());
    }

    private String scheduleConcert(AppProcess app) throws IOException, InterruptedException {
        String body = """
                {"name":"Whole Jar","venue":"Anywhere","startsAt":"%s","capacity":10,"ticketPrice":"25.00"}"""
                .formatted(Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        HttpResponse<String> response = http.send(DemoTokens.authorized(HttpRequest.newBuilder(app.uri("/api/concerts"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build()),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("concertId").asString();
    }

    private JsonNode health(AppProcess app) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(DemoTokens.authorized(HttpRequest.newBuilder(app.uri("/actuator/health"))
                .timeout(Duration.ofSeconds(30)).build()), HttpResponse.BodyHandlers.ofString());
        // 200 while the aggregate is UP (the kinesis component alone never lowers it by default), 503 otherwise.
        return JSON.readTree(response.body());
    }

    private JsonNode kinesisHealth(AppProcess app) throws IOException, InterruptedException {
        return health(app).path("components").path("kinesis");
    }

    /** The CloudEvent of the concert's ConcertScheduled, read from every shard of the stream from its start. */
    private static Optional<JsonNode> concertScheduled(KinesisClient reader, String concertId) {
        for (Shard shard : reader.listShards(r -> r.streamName(STREAM)).shards()) {
            String iterator = reader.getShardIterator(r -> r.streamName(STREAM).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse page = reader.getRecords(r -> r.shardIterator(current));
                for (Record record : page.records()) {
                    JsonNode event = JSON.readTree(record.data().asByteArray());
                    if ("com.boxoffice.ticketing.api.ConcertScheduled".equals(event.path("type").asString())
                            && concertId.equals(event.path("subject").asString())) {
                        return Optional.of(event);
                    }
                }
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return Optional.empty();
    }

    private static List<Path> unpackedEmulators(Path emulatorWork) throws IOException {
        try (Stream<Path> entries = Files.list(emulatorWork)) {
            return entries.filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().startsWith("kinesis-local-")).toList();
        }
    }

    /**
     * The JVM works in {@code workDir}, the emulator runs from the unpacked folder, and neither holds a file of the
     * checkout open for writing (the jar itself is only read). Needs Linux's {@code /proc}; elsewhere only the
     * unpacked folder (checked by the caller) tells.
     */
    private static void assertRunsOutsideTheCheckout(AppProcess app, Path workDir, Path unpacked, Path checkout)
            throws IOException {
        if (!Files.isDirectory(Path.of("/proc/self/fd"))) {
            return;
        }
        assertThat(cwd(app.handle())).isEqualTo(workDir.toRealPath());
        List<ProcessHandle> emulators = app.handle().children()
                .filter(child -> child.info().commandLine().orElse("").contains("main.js")).toList();
        assertThat(emulators).as("the emulator, a child of the JVM").hasSize(1);
        assertThat(cwd(emulators.get(0))).isEqualTo(unpacked.toRealPath());

        List<String> writable = new ArrayList<>();
        for (ProcessHandle process : Stream.concat(Stream.of(app.handle()), app.handle().descendants()).toList()) {
            writable.addAll(filesOpenForWriting(process).stream().filter(file -> file.startsWith(checkout))
                    .map(file -> process.pid() + ": " + file).toList());
        }
        assertThat(writable).as("files of the checkout open for writing").isEmpty();
    }

    private static Path cwd(ProcessHandle process) throws IOException {
        return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"));
    }

    /** The files a process holds open with O_WRONLY or O_RDWR, from {@code /proc/<pid>/fd} and {@code fdinfo}. */
    private static List<Path> filesOpenForWriting(ProcessHandle process) throws IOException {
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        List<Path> files = new ArrayList<>();
        try (Stream<Path> descriptors = Files.list(proc.resolve("fd"))) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    Path target = Files.readSymbolicLink(descriptor);
                    if (!target.isAbsolute()) {
                        continue;  // socket:[...], pipe:[...], anon_inode:...
                    }
                    String flags = Files.readAllLines(proc.resolve("fdinfo").resolve(descriptor.getFileName()))
                            .stream().filter(line -> line.startsWith("flags:")).findFirst().orElse("flags: 0")
                            .substring("flags:".length()).trim();
                    if ((Integer.parseInt(flags, 8) & 3) != 0) {
                        files.add(target);
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed between listing and reading it
                }
            }
        }
        return files;
    }

    /**
     * Folders of that emulator version in the checkout created or changed since {@code since} (only an unpack makes
     * one). Skips {@code .git} and {@code node_modules}; what other builds delete during the walk is passed over.
     */
    private static List<Path> emulatorsUnpackedSince(Path checkout, String folderName, Instant since)
            throws IOException {
        FileTime after = FileTime.from(since);
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(checkout, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (name.equals(".git") || name.equals("node_modules")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (name.equals(folderName)) {
                    if (attributes.lastModifiedTime().compareTo(after) >= 0
                            || attributes.creationTime().compareTo(after) >= 0) {
                        found.add(dir);
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException vanished) {
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    /** The work tree this test runs in: the nearest folder up from the working directory that holds {@code .git}. */
    private static Path checkout() throws IOException {
        Path dir = Path.of("").toRealPath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve(".git"))) {
                return candidate;
            }
        }
        return dir.getParent();
    }

    /**
     * A port nothing listens on now, for the emulator the jar starts seconds later. It is taken below the kernel's
     * ephemeral range when there is room (Linux: {@code ip_local_port_range}): a port from that range, which
     * {@code new ServerSocket(0)} gives, is also what the kernel hands to outgoing connections, and on a busy machine
     * one of those can take it before the emulator binds it.
     */
    private static int freePort() throws IOException {
        int ephemeralStart = ephemeralRangeStart();
        int lowest = 10_000;
        for (int attempt = 0; ephemeralStart - lowest > 1_000 && attempt < 100; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(lowest, ephemeralStart);
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(candidate));
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return 49_152;  // the IANA dynamic range, which BSDs, macOS and Windows use
        }
    }
}
