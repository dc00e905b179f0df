package com.boxoffice.deploy;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import software.amazon.awscdk.Environment;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What the stateful stack is made of.
 *
 * @param names                the deployment's names
 * @param tables               the application's table specs ({@link ApplicationTableSpecs}), each under the deployment's
 *                             table prefix and each name once
 * @param streamRetentionHours how long the stream keeps records: 24 to 8,760 hours (a year); the archive keeps them
 *                             beyond
 * @param streamCapacity       on demand or a shard count
 * @param archive              the event archive's storage classes and Firehose buffering
 * @param environment          the account and region, or null for an environment-agnostic template
 */
public record StatefulStackProps(DeploymentNames names, List<TableSpec> tables, int streamRetentionHours,
                                 StreamCapacity streamCapacity, ArchiveSettings archive,
                                 Environment environment) {

    public StatefulStackProps {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(streamCapacity, "streamCapacity");
        Objects.requireNonNull(archive, "archive");
        tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("No tables: the specs were not read from the application");
        }
        if (new HashSet<>(tables.stream().map(TableSpec::tableName).toList()).size() != tables.size()) {
            throw new IllegalArgumentException("A table is declared twice: " + tables.stream().map(TableSpec::tableName).toList());
        }
        tables.forEach(spec -> {
            if (!spec.tableName().startsWith(names.tablePrefix())) {
                throw new IllegalArgumentException(spec.tableName() + " is not under the deployment's prefix "
                        + names.tablePrefix() + ": the specs were read with other settings");
            }
        });
        if (streamRetentionHours < 24 || streamRetentionHours > 8760) {
            throw new IllegalArgumentException("Kinesis keeps records 24 to 8,760 hours: " + streamRetentionHours);
        }
    }

    public static Builder builder(DeploymentNames names, List<TableSpec> tables) {
        return new Builder(names, tables);
    }

    /** Defaults: 7 days of retention, on demand, the archive's defaults, environment-agnostic. */
    public static final class Builder {
        private final DeploymentNames names;
        private final List<TableSpec> tables;
        private int streamRetentionHours = 7 * 24;
        private StreamCapacity streamCapacity = StreamCapacity.onDemand();
        private ArchiveSettings archive = ArchiveSettings.defaults();
        private Environment environment;

        private Builder(DeploymentNames names, List<TableSpec> tables) {
            this.names = names;
            this.tables = tables;
        }

        public Builder streamRetentionHours(int hours) {
            this.streamRetentionHours = hours;
            return this;
        }

        public Builder streamCapacity(StreamCapacity capacity) {
            this.streamCapacity = capacity;
            return this;
        }

        public Builder archive(ArchiveSettings archive) {
            this.archive = archive;
            return this;
        }

        public Builder environment(Environment environment) {
            this.environment = environment;
            return this;
        }

        public StatefulStackProps build() {
            return new StatefulStackProps(names, tables, streamRetentionHours, streamCapacity, archive, environment);
        }
    }
}
