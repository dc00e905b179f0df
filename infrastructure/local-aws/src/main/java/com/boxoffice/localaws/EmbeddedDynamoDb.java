package com.boxoffice.localaws;

import com.amazonaws.services.dynamodbv2.local.main.CommandLineInput;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB Local running inside this JVM, reached over HTTP on a loopback port exactly as the SDK reaches AWS.
 * <p>
 * It is the application's embedded default and the tests' database. It accepts any credentials, so it must not be
 * reachable from the network: DynamoDB Local's own server runner binds every interface and has no host option, so
 * this class builds the Jetty server itself, with one connector bound to {@value #LOOPBACK}, around DynamoDB Local's
 * request handler (configured from DynamoDB Local's own command-line parsing). Bypassing the runner also keeps
 * DynamoDB Local's telemetry set-up from running, which would write {@code dynamodb-local-metadata.json} into the
 * working directory and try to reach AWS.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

    /** The only address the server listens on. */
    public static final String LOOPBACK = "127.0.0.1";

    private final Server server;
    private final LocalDynamoDBServerHandler handler;
    private final int port;
    private final Path dataDirectory;

    private EmbeddedDynamoDb(Server server, LocalDynamoDBServerHandler handler, int port, Path dataDirectory) {
        this.server = server;
        this.handler = handler;
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
        try {
            CommandLineInput input = new CommandLineInput(arguments(dataDirectory));
            if (!input.init()) {
                throw new IllegalStateException("DynamoDB Local refused its options " + List.of(arguments(dataDirectory)));
            }
            LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(
                    new LocalDynamoDBRequestHandler(0, input.isInMemory(), input.getDbPath(), input.getSharedDb(),
                            input.shouldDelayTransientStatuses()),
                    input.getCorsParams());
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost(LOOPBACK);
            // Port 0 lets the operating system choose a free port at bind time: no race with other processes.
            connector.setPort(port);
            server.addConnector(connector);
            ContextHandler context = new ContextHandler();
            context.setHandler(handler);
            server.setHandler(new ContextHandlerCollection(context));
            server.start();
            return new EmbeddedDynamoDb(server, handler, connector.getLocalPort(), dataDirectory);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on " + LOOPBACK + ":"
                    + (port == 0 ? "<any free port>" : port), e);
        }
    }

    /**
     * DynamoDB Local's own options for the request handler. The port option is required by its parser but unused:
     * the connector above decides the port.
     */
    private static String[] arguments(Path dataDirectory) {
        List<String> args = new ArrayList<>(List.of("-port", "8000", "-sharedDb", "-disableTelemetry"));
        if (dataDirectory == null) {
            args.add("-inMemory");
        } else {
            args.add("-dbPath");
            args.add(dataDirectory.toAbsolutePath().toString());
        }
        return args.toArray(String[]::new);
    }

    public URI endpoint() {
        return URI.create("http://" + LOOPBACK + ":" + port);
    }

    public int port() {
        return port;
    }

    /** The data directory, or {@code null} when in memory. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server and closes the database, so another instance can open the same data directory. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        } finally {
            handler.close();
        }
    }
}
