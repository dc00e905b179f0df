package com.boxoffice.bench;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.HsqlEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.hsqldb.jdbc.JDBCDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds a fresh target (empty store) per engine name. */
final class Targets {

    private final Serializer serializer;
    private final AtomicInteger databases = new AtomicInteger();
    private final Path directory;
    private DynamoDbTargets dynamoDb;

    Targets(Serializer serializer) {
        this.serializer = serializer;
        try {
            this.directory = Files.createTempDirectory("boxoffice-bench-hsqldb");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Target create(String engine) {
        return switch (engine) {
            case "memory" -> new Target("Axon in-memory", new InMemoryEventStorageEngine(), () -> 0, null, () -> {
            });
            case "jdbc" -> jdbc();
            case "dynamodb" -> dynamoDb().create(true);
            case "dynamodb-uncompressed" -> dynamoDb().create(false);
            default -> throw new IllegalArgumentException("Unknown engine " + engine + " (memory, jdbc, dynamodb, dynamodb-uncompressed)");
        };
    }

    private Target jdbc() {
        JDBCDataSource dataSource = new JDBCDataSource();
        // File-backed: HSQLDB keeps in-memory databases' BLOBs on the heap, which 100,000s of events exhaust.
        dataSource.setUrl("jdbc:hsqldb:file:" + directory.resolve("bench" + databases.incrementAndGet()) + ";hsqldb.tx=mvcc");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        CountingConnections counting = new CountingConnections();
        ConnectionProvider connections = () -> counting.wrap(dataSource.getConnection());
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        engine.createSchema(HsqlEventTableFactory.INSTANCE);
        return new Target("Axon JDBC (HSQLDB, file)", engine, counting::count, null, () -> {
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        });
    }

    private DynamoDbTargets dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = new DynamoDbTargets(serializer);
        }
        return dynamoDb;
    }
}
