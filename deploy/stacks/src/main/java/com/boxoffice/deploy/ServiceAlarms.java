package com.boxoffice.deploy;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeElb;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

import java.util.Map;

/**
 * The service's alarms: 5xx answers (from the tasks, and from the load balancer itself, which answers 502/503 when no
 * task is healthy), the furthest-behind event processor, and the age of the oldest event not yet in Kinesis. The last
 * two are the application's own meters ({@link MetricsAgent}); they report no data, not "OK", while the agent is down.
 */
final class ServiceAlarms extends Construct {

    ServiceAlarms(Construct scope, String id, ApplicationLoadBalancer loadBalancer, DeploymentNames names,
                  StatelessStackProps.AlarmThresholds thresholds, ITopic topic) {
        super(scope, id);
        MetricOptions sumPerMinute = MetricOptions.builder().statistic("Sum").period(Duration.minutes(1)).build();
        alarm("TargetHttp5xx", "5xx answers of the application",
                loadBalancer.getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, sumPerMinute),
                thresholds.http5xxPerMinute(), 5, 3, TreatMissingData.NOT_BREACHING, topic);
        alarm("LoadBalancerHttp5xx", "5xx answers of the load balancer (no healthy task, timeouts)",
                loadBalancer.getMetrics().httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, sumPerMinute),
                thresholds.http5xxPerMinute(), 5, 3, TreatMissingData.NOT_BREACHING, topic);
        alarm("ProcessorLag", "Events the furthest-behind event processor has not handled yet",
                applicationMetric(names, MetricsAgent.PROCESSOR_LAG),
                thresholds.processorLagEvents(), 5, 5, TreatMissingData.MISSING, topic);
        alarm("KinesisPublishLag", "Seconds the oldest event not yet accepted by Kinesis has waited",
                applicationMetric(names, MetricsAgent.PUBLISH_LAG_SECONDS),
                thresholds.publishLagSeconds(), 5, 5, TreatMissingData.MISSING, topic);
    }

    private static Metric applicationMetric(DeploymentNames names, String metricName) {
        return Metric.Builder.create()
                .namespace(names.metricsNamespace())
                .metricName(metricName)
                .dimensionsMap(Map.of("service", names.serviceName()))
                .statistic("Maximum")
                .period(Duration.minutes(1))
                .build();
    }

    private void alarm(String id, String description, IMetric metric, int threshold, int evaluationPeriods,
                       int datapointsToAlarm, TreatMissingData missingData, ITopic topic) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(evaluationPeriods)
                .datapointsToAlarm(datapointsToAlarm)
                .treatMissingData(missingData)
                .build();
        if (topic != null) {
            alarm.addAlarmAction(new SnsAction(topic));
            alarm.addOkAction(new SnsAction(topic));
        }
    }
}
