package com.boxoffice.deploy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the deployed application is configured: AWS mode for DynamoDB and Kinesis, the deployment's table prefix and
 * stream, and no stream creation (the stateful stack owns the stream). The same properties are used to read the
 * application's table specs ({@link ApplicationTableSpecs}) and, as environment variables, to run the service, so
 * the tables the stack creates are the tables the service looks for.
 * <p>
 * The region is not among them: the service gets its stack's region, which is only known at deployment.
 */
public record ApplicationSettings(DeploymentNames names) {

    public ApplicationSettings {
        java.util.Objects.requireNonNull(names, "names");
    }

    /** Spring property names and values. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        // Explicit: AUTO would pick the embedded database where it sees no credentials it recognises.
        properties.put("boxoffice.dynamodb.mode", "AWS");
        properties.put("boxoffice.dynamodb.table-prefix", names.tablePrefix());
        // The stateful stack owns the tables: a missing one must stop the start, not be created with other settings.
        properties.put("boxoffice.dynamodb.create-tables", "false");
        properties.put("boxoffice.kinesis.enabled", "true");
        properties.put("boxoffice.kinesis.mode", "AWS");
        properties.put("boxoffice.kinesis.stream-name", names.streamName());
        properties.put("boxoffice.kinesis.create-stream", "false");
        return properties;
    }

    /** {@link #properties()} as the environment variables Spring Boot binds them from. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        properties().forEach((name, value) -> environment.put(environmentVariable(name), value));
        return environment;
    }

    /**
     * Spring Boot's rule for binding a property from the environment: dots become underscores, dashes go, upper case
     * ({@code boxoffice.dynamodb.table-prefix} is {@code BOXOFFICE_DYNAMODB_TABLEPREFIX}).
     */
    static String environmentVariable(String propertyName) {
        return propertyName.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT);
    }
}
