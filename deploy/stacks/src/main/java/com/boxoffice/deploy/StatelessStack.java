package com.boxoffice.deploy;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.RequestCountScalingProps;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.patterns.ApplicationLoadBalancedFargateService;
import software.amazon.awscdk.services.ecs.patterns.ApplicationLoadBalancedTaskImageOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerRule;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service, which holds no data: the application's image on ECS Fargate (at least two tasks, spread over two
 * availability zones) behind an Application Load Balancer (HTTPS with the given certificate, HTTP redirected to it),
 * health-checked on {@code /actuator/health}, scaled on CPU and on requests per task; its task role may do exactly
 * what the application calls ({@link TaskPolicy}); only the load balancer reaches the tasks; logs are kept for the
 * configured time; alarms on 5xx, processor lag and Kinesis publish lag. It finds the stateful stack's tables, stream
 * and repository by name, so it can be destroyed and re-created at any time.
 */
public final class StatelessStack extends Stack {

    static final int APPLICATION_PORT = 8080;
    static final String HEALTH_PATH = "/actuator/health";

    private final ApplicationLoadBalancedFargateService service;

    public StatelessStack(Construct scope, StatelessStackProps props, ApplicationSettings settings) {
        super(scope, props.names().statelessStackName(), StackProps.builder()
                .env(props.environment())
                .description("Boxoffice " + props.names().environment() + ": the service on ECS Fargate behind a load balancer")
                .build());
        DeploymentNames names = props.names();
        if (!settings.names().equals(names)) {
            throw new IllegalArgumentException("The application settings are for " + settings.names() + ", not " + names);
        }

        Vpc vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                .natGateways(props.natGateways())
                // DynamoDB through the VPC's own endpoint: free, and no NAT traffic for the busiest dependency.
                .gatewayEndpoints(Map.of("DynamoDb", GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.DYNAMODB).build()))
                .build();
        Cluster cluster = Cluster.Builder.create(this, "Cluster").vpc(vpc).build();

        Role taskRole = Role.Builder.create(this, "TaskRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("Boxoffice " + names.environment() + ": what the application calls, and nothing else")
                .build();
        TaskPolicy.statements(this, names, props.tables()).forEach(taskRole::addToPolicy);

        LogGroup applicationLogs = logGroup("ApplicationLogs", names.applicationLogGroup(), props);
        LogGroup metricsLogs = logGroup("MetricsLogs", names.metricsLogGroup(), props);
        IRepository repository = Repository.fromRepositoryName(this, "Images", names.repositoryName());

        service = ApplicationLoadBalancedFargateService.Builder.create(this, "Service")
                .cluster(cluster)
                .serviceName(names.serviceName())
                .desiredCount(props.desiredCount())
                .cpu(props.cpu())
                .memoryLimitMiB(props.memoryMiB())
                .taskSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .assignPublicIp(false)
                .publicLoadBalancer(true)
                .protocol(ApplicationProtocol.HTTPS)
                .certificate(Certificate.fromCertificateArn(this, "Certificate", props.certificateArn()))
                .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                .redirectHttp(true)
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                // Spring, Axon and the tables' checks take a while on a fresh JVM.
                .healthCheckGracePeriod(Duration.seconds(120))
                .taskImageOptions(ApplicationLoadBalancedTaskImageOptions.builder()
                        .containerName("app")
                        .image(ContainerImage.fromEcrRepository(repository, props.imageDigest()))
                        .containerPort(APPLICATION_PORT)
                        .taskRole(taskRole)
                        .environment(environment(settings))
                        .secrets(secrets(props))
                        .logDriver(LogDriver.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(applicationLogs).streamPrefix("app").build()))
                        .build())
                .build();
        service.getTargetGroup().configureHealthCheck(HealthCheck.builder()
                .path(HEALTH_PATH)
                .healthyHttpCodes("200")
                .interval(Duration.seconds(15))
                .timeout(Duration.seconds(5))
                .healthyThresholdCount(2)
                .unhealthyThresholdCount(3)
                .build());
        service.getTargetGroup().setAttribute("deregistration_delay.timeout_seconds", "30");
        closeActuatorExceptHealth();
        MetricsAgent.addTo(service.getTaskDefinition(), this, names, props.metricsAgentImage(), APPLICATION_PORT,
                metricsLogs);

        ScalableTaskCount scaling = service.getService().autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(props.desiredCount()).maxCapacity(props.maxCount()).build());
        scaling.scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                .targetUtilizationPercent(props.cpuTargetPercent()).build());
        scaling.scaleOnRequestCount("Requests", RequestCountScalingProps.builder()
                .requestsPerTarget(props.requestsPerTarget()).targetGroup(service.getTargetGroup()).build());

        ITopic topic = props.alarmTopicArn() == null ? null
                : Topic.fromTopicArn(this, "AlarmTopic", props.alarmTopicArn());
        new ServiceAlarms(this, "Alarms", service.getLoadBalancer(), names, props.alarms(), topic);
    }

    /**
     * The application's settings, and its region: the stack's. Its Prometheus and metrics endpoints are for the agent
     * on the task's loopback; the load balancer does not pass them on ({@link #closeActuatorExceptHealth()}).
     */
    private Map<String, String> environment(ApplicationSettings settings) {
        Map<String, String> environment = new LinkedHashMap<>(settings.environment());
        environment.put(ApplicationSettings.environmentVariable("boxoffice.dynamodb.region"), getRegion());
        environment.put(ApplicationSettings.environmentVariable("boxoffice.kinesis.region"), getRegion());
        environment.put(ApplicationSettings.environmentVariable("server.port"), Integer.toString(APPLICATION_PORT));
        // Tomcat behind the load balancer: the client's scheme and address come from its X-Forwarded-* headers.
        environment.put(ApplicationSettings.environmentVariable("server.forward-headers-strategy"), "NATIVE");
        return environment;
    }

    private Map<String, Secret> secrets(StatelessStackProps props) {
        if (props.adminTokenSecretArn() == null) {
            return Map.of();
        }
        ISecret secret = software.amazon.awscdk.services.secretsmanager.Secret.fromSecretCompleteArn(
                this, "AdminToken", props.adminTokenSecretArn());
        return Map.of("BOXOFFICE_ADMIN_TOKEN", Secret.fromSecretsManager(secret));
    }

    /** The actuator's other endpoints (metrics, Prometheus) answer 404 from the internet; health stays reachable. */
    private void closeActuatorExceptHealth() {
        ApplicationListenerRule.Builder.create(this, "ActuatorClosed")
                .listener(service.getListener())
                .priority(10)
                .conditions(List.of(ListenerCondition.pathPatterns(List.of("/actuator", "/actuator/*"))))
                .action(ListenerAction.fixedResponse(404, FixedResponseOptions.builder()
                        .contentType("text/plain").messageBody("Not found").build()))
                .build();
        ApplicationListenerRule.Builder.create(this, "HealthOpen")
                .listener(service.getListener())
                .priority(5)
                .conditions(List.of(ListenerCondition.pathPatterns(List.of(HEALTH_PATH, HEALTH_PATH + "/*"))))
                .action(ListenerAction.forward(List.of(service.getTargetGroup())))
                .build();
    }

    private LogGroup logGroup(String id, String name, StatelessStackProps props) {
        // Destroyed with the stack: a kept group of the same name would stop the stack from being created again.
        return LogGroup.Builder.create(this, id).logGroupName(name).retention(props.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY).build();
    }
}
