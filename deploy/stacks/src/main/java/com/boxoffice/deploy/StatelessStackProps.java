package com.boxoffice.deploy;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.services.logs.RetentionDays;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the stateless stack is made of.
 *
 * @param names                 the deployment's names (the stateful stack's resources are found by them)
 * @param tables                the application's table specs, the same the stateful stack was made from: the task may
 *                              use exactly these tables and their indexes
 * @param imageDigest           the image to run, {@code sha256:} and 64 hex digits, pushed to the deployment's
 *                              repository (Jib writes it to {@code jib-image.digest})
 * @param certificateArn        the ACM certificate of the HTTPS listener
 * @param desiredCount          tasks at rest, at least 2 (spread over the availability zones)
 * @param maxCount              the most tasks autoscaling may run, at least {@code desiredCount}
 * @param cpu                   task CPU units (1024 = 1 vCPU): 512, 1024, 2048 or 4096
 * @param memoryMiB             task memory; the JVM takes 75% of it
 * @param cpuTargetPercent      autoscaling keeps the service's CPU near this (10 to 90)
 * @param requestsPerTarget     and the load balancer's requests per task and minute near this
 * @param logRetention          how long the application's log and metrics groups keep events
 * @param alarms                alarm thresholds
 * @param alarmTopicArn         an SNS topic that alarms notify; null for alarms without action
 * @param adminTokenSecretArn   a Secrets Manager secret holding the static admin token, an opt-in for operators'
 *                              scripts; null for none (the admin API then takes operators' JWTs only)
 * @param cognitoUserPoolId     the Amazon Cognito user pool whose tokens the application accepts
 *                              ({@code <region>_<id>}, in the stack's region); its groups {@code customer}, {@code staff}
 *                              and {@code operator} are the shop's roles
 * @param cognitoAppClientId    the pool's app client of the shop: its access tokens name it in {@code client_id}
 * @param metricsAgentImage     the CloudWatch agent image of the metrics sidecar
 * @param natGateways           NAT gateways of the VPC (1 is cheaper, 2 survives the loss of a zone)
 * @param environment           the account and region, or null for an environment-agnostic template
 */
public record StatelessStackProps(DeploymentNames names, List<TableSpec> tables, String imageDigest,
                                  String certificateArn, int desiredCount, int maxCount, int cpu, int memoryMiB,
                                  int cpuTargetPercent, int requestsPerTarget, RetentionDays logRetention,
                                  AlarmThresholds alarms, String alarmTopicArn, String adminTokenSecretArn,
                                  String cognitoUserPoolId, String cognitoAppClientId,
                                  String metricsAgentImage, int natGateways, Environment environment) {

    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern CERTIFICATE = Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+");
    private static final Pattern TOPIC = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]+");
    private static final Pattern SECRET = Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]+");
    private static final Pattern USER_POOL = Pattern.compile("[a-z0-9-]+_[0-9a-zA-Z]+");
    private static final Pattern APP_CLIENT = Pattern.compile("[a-z0-9]{1,128}");
    private static final List<Integer> FARGATE_CPU = List.of(512, 1024, 2048, 4096);

    public StatelessStackProps {
        Objects.requireNonNull(names, "names");
        tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
        Objects.requireNonNull(logRetention, "logRetention");
        Objects.requireNonNull(alarms, "alarms");
        Objects.requireNonNull(metricsAgentImage, "metricsAgentImage");
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("No tables: the specs were not read from the application");
        }
        require(imageDigest != null && DIGEST.matcher(imageDigest).matches(),
                "The image is named by its digest, sha256: and 64 hex digits: " + imageDigest);
        require(certificateArn != null && CERTIFICATE.matcher(certificateArn).matches(),
                "The HTTPS listener needs an ACM certificate ARN: " + certificateArn);
        require(desiredCount >= 2, "At least 2 tasks, so that one zone or one task can fail: " + desiredCount);
        require(maxCount >= desiredCount, "maxCount " + maxCount + " is below desiredCount " + desiredCount);
        require(FARGATE_CPU.contains(cpu), "Fargate CPU units for this service are one of " + FARGATE_CPU + ": " + cpu);
        // Fargate's memory range for the CPU: 2 to 8 GiB per vCPU (at 0.5 vCPU: 1 to 4 GiB).
        require(memoryMiB >= cpu * 2 && memoryMiB <= Math.min(cpu * 8, 30720),
                "Fargate takes " + cpu * 2 + " to " + Math.min(cpu * 8, 30720) + " MiB with " + cpu + " CPU units: " + memoryMiB);
        require(cpuTargetPercent >= 10 && cpuTargetPercent <= 90, "CPU target 10 to 90 %: " + cpuTargetPercent);
        require(requestsPerTarget > 0, "Requests per target must be positive: " + requestsPerTarget);
        require(alarmTopicArn == null || TOPIC.matcher(alarmTopicArn).matches(), "Not an SNS topic ARN: " + alarmTopicArn);
        require(adminTokenSecretArn == null || SECRET.matcher(adminTokenSecretArn).matches(),
                "Not a Secrets Manager secret ARN: " + adminTokenSecretArn);
        require(cognitoUserPoolId != null && USER_POOL.matcher(cognitoUserPoolId).matches(),
                "The application accepts tokens of a Cognito user pool: its id, <region>_<id>: " + cognitoUserPoolId);
        require(cognitoAppClientId != null && APP_CLIENT.matcher(cognitoAppClientId).matches(),
                "The application's Cognito app client id is lower-case letters and digits: " + cognitoAppClientId);
        require(natGateways >= 1 && natGateways <= 2, "1 or 2 NAT gateways (one per zone at most): " + natGateways);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public static Builder builder(DeploymentNames names, List<TableSpec> tables) {
        return new Builder(names, tables);
    }

    /**
     * When the alarms fire.
     *
     * @param http5xxPerMinute      5xx answers per minute (target and load balancer each), 3 minutes out of 5
     * @param processorLagEvents    events the furthest-behind processor is behind the store, for 5 minutes
     * @param publishLagSeconds     age of the oldest event not yet in Kinesis, for 5 minutes
     */
    public record AlarmThresholds(int http5xxPerMinute, int processorLagEvents, int publishLagSeconds) {

        public AlarmThresholds {
            require(http5xxPerMinute > 0 && processorLagEvents > 0 && publishLagSeconds > 0,
                    "Alarm thresholds are positive");
        }

        public static AlarmThresholds defaults() {
            return new AlarmThresholds(10, 1000, 60);
        }
    }

    /** Defaults: 2 to 6 tasks of 1 vCPU and 2 GiB, 60% CPU or 3,000 requests per task and minute, 30 days of logs. */
    public static final class Builder {
        private final DeploymentNames names;
        private final List<TableSpec> tables;
        private String imageDigest;
        private String certificateArn;
        private int desiredCount = 2;
        private int maxCount = 6;
        private int cpu = 1024;
        private int memoryMiB = 2048;
        private int cpuTargetPercent = 60;
        private int requestsPerTarget = 3000;
        private RetentionDays logRetention = RetentionDays.ONE_MONTH;
        private AlarmThresholds alarms = AlarmThresholds.defaults();
        private String alarmTopicArn;
        private String adminTokenSecretArn;
        private String cognitoUserPoolId;
        private String cognitoAppClientId;
        private String metricsAgentImage = "public.ecr.aws/cloudwatch-agent/cloudwatch-agent:latest";
        private int natGateways = 1;
        private Environment environment;

        private Builder(DeploymentNames names, List<TableSpec> tables) {
            this.names = names;
            this.tables = tables;
        }

        public Builder imageDigest(String digest) {
            this.imageDigest = digest;
            return this;
        }

        public Builder certificateArn(String arn) {
            this.certificateArn = arn;
            return this;
        }

        public Builder desiredCount(int count) {
            this.desiredCount = count;
            return this;
        }

        public Builder maxCount(int count) {
            this.maxCount = count;
            return this;
        }

        public Builder cpu(int units) {
            this.cpu = units;
            return this;
        }

        public Builder memoryMiB(int mebibytes) {
            this.memoryMiB = mebibytes;
            return this;
        }

        public Builder cpuTargetPercent(int percent) {
            this.cpuTargetPercent = percent;
            return this;
        }

        public Builder requestsPerTarget(int requests) {
            this.requestsPerTarget = requests;
            return this;
        }

        public Builder logRetention(RetentionDays retention) {
            this.logRetention = retention;
            return this;
        }

        public Builder alarms(AlarmThresholds thresholds) {
            this.alarms = thresholds;
            return this;
        }

        public Builder alarmTopicArn(String arn) {
            this.alarmTopicArn = arn;
            return this;
        }

        public Builder adminTokenSecretArn(String arn) {
            this.adminTokenSecretArn = arn;
            return this;
        }

        public Builder cognito(String userPoolId, String appClientId) {
            this.cognitoUserPoolId = userPoolId;
            this.cognitoAppClientId = appClientId;
            return this;
        }

        public Builder metricsAgentImage(String image) {
            this.metricsAgentImage = image;
            return this;
        }

        public Builder natGateways(int count) {
            this.natGateways = count;
            return this;
        }

        public Builder environment(Environment environment) {
            this.environment = environment;
            return this;
        }

        public StatelessStackProps build() {
            return new StatelessStackProps(names, tables, imageDigest, certificateArn, desiredCount, maxCount, cpu,
                    memoryMiB, cpuTargetPercent, requestsPerTarget, logRetention, alarms, alarmTopicArn,
                    adminTokenSecretArn, cognitoUserPoolId, cognitoAppClientId, metricsAgentImage, natGateways,
                    environment);
        }
    }
}
