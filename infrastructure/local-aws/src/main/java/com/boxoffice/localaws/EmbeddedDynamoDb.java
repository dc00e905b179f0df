package com.boxoffice.localaws;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB Local running inside this JVM, reached over HTTP on a loopback port exactly as the SDK reaches AWS.
 * <p>
 * It is the application's embedded default and the tests' database. DynamoDB Local binds every interface (it has
 * no host option), so the port is chosen free at start and the credentials it accepts are dummies: it is meant for
 * a developer machine, not for a shared network.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

    private static final int START_ATTEMPTS = 5;

    private final DynamoDBProxyServer server;
    private final int port;
    private final Path dataDirectory;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, int port, Path dataDirectory) {
        this.server = server;
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /** Starts an in-memory instance on a free port: nothing survives {@link #close()}. */
    public static EmbeddedDynamoDb startInMemory() {
        return start(null, 0);
    }

    /**
     * Starts an instance that keeps its data in {@code dataDirectory} (created when missing), so a restart finds it.
     *
     * @param dataDirectory where the database file lives, or {@code null} for in-memory
     * @param port          the port to listen on, or 0 for a free one
     */
    public static EmbeddedDynamoDb start(Path dataDirectory, int port) {
        if (dataDirectory != null) {
            try {
                Files.createDirectories(dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the DynamoDB Local data directory " + dataDirectory, e);
            }
        }
        Exception last = null;
        // A free port can be taken by someone else between probing it and binding it: try a few.
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int chosen = port != 0 ? port : freePort();
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(arguments(dataDirectory, chosen));
                server.start();
                return new EmbeddedDynamoDb(server, chosen, dataDirectory);
            } catch (Exception e) {
                last = e;
                if (port != 0) {
                    break;
                }
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start (port " + (port == 0 ? "any free" : port) + ")", last);
    }

    private static String[] arguments(Path dataDirectory, int port) {
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb", "-disableTelemetry"));
        if (dataDirectory == null) {
            args.add("-inMemory");
        } else {
            args.add("-dbPath");
            args.add(dataDirectory.toAbsolutePath().toString());
        }
        return args.toArray(String[]::new);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for DynamoDB Local", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The data directory, or {@code null} when in memory. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
    }
}
