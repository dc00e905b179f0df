package com.boxoffice.deploy;

import java.util.regex.Pattern;

/**
 * The names of one deployment (an environment such as {@code prod} or {@code staging}), derived from its name alone,
 * so that both stacks and the application agree on them without passing resources between the stacks: the stateless
 * stack finds the stateful one's tables, stream and repository by name, and can be destroyed and re-created freely.
 *
 * @param environment lower-case letters, digits and dashes, starting with a letter, at most 20 characters
 */
public record DeploymentNames(String environment) {

    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9-]{0,19}");

    public DeploymentNames {
        if (environment == null || !ENVIRONMENT.matcher(environment).matches()) {
            throw new IllegalArgumentException("An environment name is 1 to 20 lower-case letters, digits or dashes, "
                    + "starting with a letter: " + environment);
        }
    }

    /** Prepended to every table name (the application's {@code boxoffice.dynamodb.table-prefix}). */
    public String tablePrefix() {
        return "boxoffice-" + environment + "-";
    }

    /** The all-events Kinesis stream. */
    public String streamName() {
        return "boxoffice-" + environment + "-events";
    }

    /** The ECR repository the service's image is pulled from. */
    public String repositoryName() {
        return "boxoffice-" + environment;
    }

    /** The ECS service, and the {@code service} dimension of the application's metrics. */
    public String serviceName() {
        return "boxoffice-" + environment;
    }

    /** The CloudWatch namespace of the application's own metrics. */
    public String metricsNamespace() {
        return "Boxoffice";
    }

    public String applicationLogGroup() {
        return "/boxoffice/" + environment + "/application";
    }

    /** Where the metrics agent writes the application's metrics (as embedded metric format) for CloudWatch. */
    public String metricsLogGroup() {
        return "/boxoffice/" + environment + "/metrics";
    }

    /** The one log stream of {@link #metricsLogGroup()}, named so that the task's policy can name it exactly. */
    public String metricsLogStream() {
        return "prometheus";
    }

    public String statefulStackName() {
        return "boxoffice-" + environment + "-stateful";
    }

    public String statelessStackName() {
        return "boxoffice-" + environment + "-stateless";
    }
}
