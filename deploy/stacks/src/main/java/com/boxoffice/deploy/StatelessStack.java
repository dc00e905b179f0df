package com.boxoffice.deploy;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.Port;
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
import software.amazon.awscdk.services.ecs.PortMapping;
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
 * health-checked on {@code /actuator/health} of the management port, trusting the tokens of a Cognito user pool, scaled on CPU and on requests per task; its task role may do exactly
 * what the application calls ({@link TaskPolicy}); only the load balancer reaches the tasks; logs are kept for the
 * configured time; alarms on 5xx, processor lag and Kinesis publish lag. It finds the stateful stack's tables, stream
 * and repository by name, so it can be destroyed and re-created at any time.
 */
public final class StatelessStack extends Stack {

    static final int APPLICATION_PORT = 8080;
    /** The actuator's own port: the load balancer's health checks and the metrics agent, never the internet. */
    static final int MANAGEMENT_PORT = 8081;
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
                        .environment(environment(settings, props))
                        .secrets(secrets(props))
                        .logDriver(LogDriver.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(applicationLogs).streamPrefix("app").build()))
                        .build())
                .build();
        service.getTaskDefinition().getDefaultContainer().addPortMappings(
                PortMapping.builder().containerPort(MANAGEMENT_PORT).build());
        service.getService().getConnections().allowFrom(service.getLoadBalancer(), Port.tcp(MANAGEMENT_PORT),
                "Health checks on the management port");
        service.getTargetGroup().configureHealthCheck(HealthCheck.builder()
                .port(Integer.toString(MANAGEMENT_PORT))
                .path(HEALTH_PATH)
                .healthyHttpCodes("200")
                .interval(Duration.seconds(15))
                .timeout(Duration.seconds(5))
                .healthyThresholdCount(2)
                .unhealthyThresholdCount(3)
                .build());
        service.getTargetGroup().setAttribute("deregistration_delay.timeout_seconds", "30");
        closeActuator();
        MetricsAgent.addTo(service.getTaskDefinition(), this, names, props.metricsAgentImage(), MANAGEMENT_PORT,
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
     * The application's settings, and its region: the stack's. The actuator listens on {@link #MANAGEMENT_PORT}, where
     * the metrics agent scrapes Prometheus and the load balancer checks health; the listener passes no
     * {@code /actuator} path on ({@link #closeActuator()}). Tokens are the Cognito user pool's: the development
     * issuer never runs here.
     */
    private Map<String, String> environment(ApplicationSettings settings, StatelessStackProps props) {
        Map<String, String> environment = new LinkedHashMap<>(settings.environment());
        environment.put(ApplicationSettings.environmentVariable("boxoffice.dynamodb.region"), getRegion());
        environment.put(ApplicationSettings.environmentVariable("boxoffice.kinesis.region"), getRegion());
        environment.put(ApplicationSettings.environmentVariable("server.port"), Integer.toString(APPLICATION_PORT));
        // Tomcat behind the load balancer: the client's scheme and address come from its X-Forwarded-* headers.
        environment.put(ApplicationSettings.environmentVariable("server.forward-headers-strategy"), "NATIVE");
        environment.put(ApplicationSettings.environmentVariable("management.server.port"), Integer.toString(MANAGEMENT_PORT));
        environment.put(ApplicationSettings.environmentVariable("boxoffice.security.issuer-uri"),
                "https://cognito-idp." + getRegion() + ".amazonaws.com/" + props.cognitoUserPoolId());
        environment.put(ApplicationSettings.environmentVariable("boxoffice.security.audience"), props.cognitoAppClientId());
        // Cognito's access tokens carry no aud: they name their app client in client_id, and groups in cognito:groups.
        environment.put(ApplicationSettings.environmentVariable("boxoffice.security.audience-claim"), "client_id");
        environment.put(ApplicationSettings.environmentVariable("boxoffice.security.roles-claim"), "cognito:groups");
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

    /** No actuator endpoint from the internet: the actuator is on the management port, this is belt and braces. */
    private void closeActuator() {
        ApplicationListenerRule.Builder.create(this, "ActuatorClosed")
                .listener(service.getListener())
                .priority(10)
                .conditions(List.of(ListenerCondition.pathPatterns(List.of("/actuator", "/actuator/*"))))
                .action(ListenerAction.fixedResponse(404, FixedResponseOptions.builder()
                        .contentType("text/plain").messageBody("Not found").build()))
                .build();
    }

    private LogGroup logGroup(String id, String name, StatelessStackProps props) {
        // Destroyed with the stack: a kept group of the same name would stop the stack from being created again.
        return LogGroup.Builder.create(this, id).logGroupName(name).retention(props.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY).build();
    }
}
