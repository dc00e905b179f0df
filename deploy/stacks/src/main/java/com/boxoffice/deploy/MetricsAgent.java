package com.boxoffice.deploy;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.TaskDefinition;
import software.amazon.awscdk.services.logs.ILogGroup;

import java.util.List;
import java.util.Map;

/**
 * How the application's own metrics reach CloudWatch without a CloudWatch client in the application and without
 * {@code cloudwatch:PutMetricData} (which IAM grants on every resource or none): a CloudWatch agent beside the
 * application in each task scrapes its Prometheus endpoint ({@code /actuator/prometheus}, over the task's loopback)
 * and writes the selected meters in embedded metric format to one log stream, from which CloudWatch makes metrics in
 * namespace {@link DeploymentNames#metricsNamespace()} with the dimension {@code service} (and {@code processor}).
 */
final class MetricsAgent {

    /** Prometheus names of the application's meters {@code boxoffice.processor.lag} and the publisher's lag. */
    static final String PROCESSOR_LAG = "boxoffice_processor_lag";
    static final String PUBLISH_LAG_SECONDS = "boxoffice_kinesis_publish_lag_seconds";
    static final String PUBLISH_LAG_EVENTS = "boxoffice_kinesis_publish_lag_events";

    private static final String JOB = "boxoffice";

    private MetricsAgent() {
    }

    static void addTo(TaskDefinition task, Stack stack, DeploymentNames names, String image, int applicationPort,
                      ILogGroup agentLogs) {
        task.addContainer("metrics-agent", ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromRegistry(image))
                .essential(false) // The shop serves without its metrics; the alarms then report missing data.
                .cpu(64)
                .memoryReservationMiB(128)
                .environment(Map.of(
                        "CW_CONFIG_CONTENT", stack.toJsonString(agentConfiguration(names)),
                        "PROMETHEUS_CONFIG_CONTENT", scrapeConfiguration(names, applicationPort),
                        "AWS_REGION", stack.getRegion()))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(agentLogs).streamPrefix("agent").build()))
                .build());
    }

    private static Map<String, Object> agentConfiguration(DeploymentNames names) {
        Map<String, Object> forService = Map.of("source_labels", List.of("job"), "label_matcher", "^" + JOB + "$");
        List<Map<String, Object>> declarations = List.of(
                with(forService, Map.of(
                        "dimensions", List.of(List.of("service"), List.of("service", "processor")),
                        "metric_selectors", List.of("^" + PROCESSOR_LAG + "$"))),
                with(forService, Map.of(
                        "dimensions", List.of(List.of("service")),
                        "metric_selectors", List.of("^" + PUBLISH_LAG_SECONDS + "$", "^" + PUBLISH_LAG_EVENTS + "$"))));
        Map<String, Object> prometheus = Map.of(
                "log_group_name", names.metricsLogGroup(),
                "prometheus_config_path", "env:PROMETHEUS_CONFIG_CONTENT",
                "emf_processor", Map.of("metric_namespace", names.metricsNamespace(), "metric_declaration", declarations));
        return Map.of("logs", Map.of(
                // One fixed stream, so that the task's policy names it exactly.
                "log_stream_name", names.metricsLogStream(),
                "force_flush_interval", 15,
                "metrics_collected", Map.of("prometheus", prometheus)));
    }

    private static String scrapeConfiguration(DeploymentNames names, int applicationPort) {
        return String.join("\n",
                "global:",
                "  scrape_interval: 30s",
                "  scrape_timeout: 10s",
                "scrape_configs:",
                "  - job_name: " + JOB,
                "    metrics_path: /actuator/prometheus",
                "    static_configs:",
                "      - targets: ['localhost:" + applicationPort + "']",
                "        labels:",
                "          service: " + names.serviceName(),
                "");
    }

    private static Map<String, Object> with(Map<String, Object> first, Map<String, Object> second) {
        Map<String, Object> both = new java.util.LinkedHashMap<>(first);
        both.putAll(second);
        return both;
    }
}
