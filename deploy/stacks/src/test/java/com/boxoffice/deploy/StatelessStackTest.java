package com.boxoffice.deploy;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatelessStackTest {

    private static final String ARN = "arn:aws:%s:REGION:ACCOUNT:%s";

    private static Template template;
    private static List<Map<String, Object>> taskStatements;

    @BeforeAll
    static void synthesise() {
        template = TestDeployment.get().stateless;
        String taskRole = template.findResources("AWS::IAM::Role", Map.of("Properties", Map.of("AssumeRolePolicyDocument",
                Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "ecs-tasks.amazonaws.com"))))))))).keySet().stream()
                .filter(id -> id.startsWith("TaskRole")).findFirst().orElseThrow();
        taskStatements = new ArrayList<>();
        template.findResources("AWS::IAM::Policy").values().stream()
                .filter(policy -> Cfn.list(Cfn.properties(policy).get("Roles")).contains(Map.of("Ref", taskRole)))
                .forEach(policy -> Cfn.list(Cfn.map(Cfn.properties(policy).get("PolicyDocument")).get("Statement"))
                        .forEach(statement -> taskStatements.add(Cfn.map(statement))));
    }

    @Test
    void theTaskPolicyHasNoWildcardActionOrResourceAndAllowsOnly() {
        assertThat(taskStatements).isNotEmpty().allSatisfy(statement -> {
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            assertThat(statement).doesNotContainKeys("NotAction", "NotResource");
            assertThat(Cfn.texts(statement.get("Action"))).isNotEmpty().noneMatch(action -> action.contains("*"));
            assertThat(Cfn.texts(statement.get("Resource"))).isNotEmpty().noneMatch(resource -> resource.contains("*"));
        });
    }

    @Test
    void theTaskMayUseExactlyTheApplicationsTablesIndexesAndStream() {
        Map<String, Set<String>> actionsByResource = actionsByResource();
        Set<String> expectedResources = new java.util.HashSet<>();
        for (TableSpec spec : TestDeployment.specs()) {
            String table = ARN.formatted("dynamodb", "table/" + spec.tableName());
            expectedResources.add(table);
            assertThat(actionsByResource.get(table)).as(spec.tableName()).contains("dynamodb:DescribeTable");
            TaskPolicy.indexNames(spec).forEach(index -> {
                expectedResources.add(table + "/index/" + index);
                assertThat(actionsByResource.get(table + "/index/" + index)).containsExactly("dynamodb:Query");
            });
        }
        String stream = ARN.formatted("kinesis", "stream/boxoffice-test-events");
        String metricsGroup = ARN.formatted("logs", "log-group:/boxoffice/test/metrics");
        expectedResources.addAll(List.of(stream, metricsGroup, metricsGroup + ":log-stream:prometheus"));

        assertThat(actionsByResource.keySet()).containsExactlyInAnyOrderElementsOf(expectedResources);
        assertThat(actionsByResource.get(stream)).containsExactlyInAnyOrder("kinesis:PutRecords",
                "kinesis:DescribeStreamSummary", "kinesis:DescribeStream");
        // The event store, as its code calls it: commits put events and update heads; reads query; the stream scans
        // the heads.
        assertThat(actionsByResource.get(ARN.formatted("dynamodb", "table/boxoffice-test-events")))
                .containsExactlyInAnyOrder("dynamodb:DescribeTable", "dynamodb:PutItem", "dynamodb:Query");
        assertThat(actionsByResource.get(ARN.formatted("dynamodb", "table/boxoffice-test-event-heads")))
                .containsExactlyInAnyOrder("dynamodb:DescribeTable", "dynamodb:UpdateItem", "dynamodb:BatchGetItem",
                        "dynamodb:Scan");
        // The stateful stack owns the tables and the stream: nothing creates, alters or deletes them.
        assertThat(actionsByResource.values().stream().flatMap(Set::stream))
                .noneMatch(action -> action.matches("dynamodb:(Create|Delete|Update)(Table|TimeToLive)|kinesis:(Create|Delete).*"));
    }

    @Test
    void aTableWhoseAccessNobodyDeclaredIsRefused() {
        assertThatThrownBy(() -> TableAccess.of("payments")).hasMessageContaining("'payments'");
    }

    @Test
    void onlyTheLoadBalancerReachesTheTaskPortAndTheManagementPort() {
        Map<String, Object> service = Cfn.properties(template.findResources("AWS::ECS::Service").values().iterator().next());
        Map<String, Object> network = Cfn.map(Cfn.map(service.get("NetworkConfiguration")).get("AwsvpcConfiguration"));
        assertThat(network.get("AssignPublicIp")).isEqualTo("DISABLED");
        List<Object> taskGroups = Cfn.list(network.get("SecurityGroups"));
        assertThat(taskGroups).hasSize(1);
        String taskGroup = Cfn.text(taskGroups.get(0));
        Map<String, Object> loadBalancer = Cfn.properties(template.findResources("AWS::ElasticLoadBalancingV2::LoadBalancer")
                .values().iterator().next());
        List<String> loadBalancerGroups = Cfn.list(loadBalancer.get("SecurityGroups")).stream().map(Cfn::text).toList();

        // No inline rule on the task's group, and every separate rule into it comes from the load balancer's group.
        String taskGroupId = taskGroup.substring("{GetAtt:".length(), taskGroup.indexOf('.'));
        assertThat(Cfn.properties(resource(taskGroupId))).doesNotContainKey("SecurityGroupIngress");
        List<Map<String, Object>> ingress = template.findResources("AWS::EC2::SecurityGroupIngress").values().stream()
                .map(Cfn::properties).filter(rule -> Cfn.text(rule.get("GroupId")).equals(taskGroup)).toList();
        assertThat(ingress).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule).doesNotContainKeys("CidrIp", "CidrIpv6", "SourcePrefixListId");
            assertThat(loadBalancerGroups).contains(Cfn.text(rule.get("SourceSecurityGroupId")));
            assertThat(rule.get("FromPort")).isIn(StatelessStack.APPLICATION_PORT, StatelessStack.MANAGEMENT_PORT);
            assertThat(rule.get("ToPort")).isEqualTo(rule.get("FromPort"));
        });
        assertThat(ingress.stream().map(rule -> rule.get("FromPort")))
                .containsExactlyInAnyOrder(StatelessStack.APPLICATION_PORT, StatelessStack.MANAGEMENT_PORT);
    }

    @Test
    void httpsWithTheCertificateAndHttpRedirectedToIt() {
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Protocol", "HTTPS", "Port", 443,
                "Certificates", List.of(Map.of("CertificateArn", TestDeployment.CERTIFICATE)),
                "SslPolicy", Match.stringLikeRegexp("ELBSecurityPolicy-TLS13-.*")));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Protocol", "HTTP", "Port", 80,
                "DefaultActions", List.of(Map.of("Type", "redirect", "RedirectConfig",
                        Map.of("Protocol", "HTTPS", "Port", "443", "StatusCode", "HTTP_301")))));
        template.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 2);
    }

    @Test
    void healthIsCheckedOnTheManagementPortAndTheActuatorIsClosedToTheInternet() {
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.objectLike(Map.of(
                "HealthCheckPath", "/actuator/health", "HealthCheckPort", "8081", "Matcher", Map.of("HttpCode", "200"))));
        template.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Match.objectLike(Map.of(
                "IpProtocol", "tcp", "FromPort", 8081, "ToPort", 8081,
                "SourceSecurityGroupId", Match.anyValue())));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of(
                "Priority", 10,
                "Conditions", List.of(Map.of("Field", "path-pattern", "PathPatternConfig",
                        Map.of("Values", List.of("/actuator", "/actuator/*")))),
                "Actions", List.of(Match.objectLike(Map.of("Type", "fixed-response",
                        "FixedResponseConfig", Match.objectLike(Map.of("StatusCode", "404"))))),
                "ListenerArn", Match.anyValue()));
    }

    @Test
    void twoOrMoreTasksInTwoZonesScaledOnCpuAndRequests() {
        template.hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of(
                "DesiredCount", 2, "LaunchType", "FARGATE",
                "DeploymentConfiguration", Match.objectLike(Map.of(
                        "MinimumHealthyPercent", 100,
                        "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true))))));
        Map<String, Object> service = Cfn.properties(template.findResources("AWS::ECS::Service").values().iterator().next());
        List<Object> subnets = Cfn.list(Cfn.map(Cfn.map(service.get("NetworkConfiguration")).get("AwsvpcConfiguration")).get("Subnets"));
        Set<Object> zones = subnets.stream().map(subnet -> Cfn.text(subnet).replaceAll("\\{Ref:(.*)}", "$1"))
                .map(id -> Cfn.properties(resource(id)).get("AvailabilityZone"))
                .collect(Collectors.toSet());
        assertThat(zones).hasSize(2);

        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.objectLike(Map.of(
                "MinCapacity", 2, "MaxCapacity", 6)));
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.objectLike(Map.of(
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
                        "PredefinedMetricSpecification", Match.objectLike(Map.of(
                                "PredefinedMetricType", "ECSServiceAverageCPUUtilization")),
                        "TargetValue", 60)))));
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.objectLike(Map.of(
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
                        "PredefinedMetricSpecification", Match.objectLike(Map.of(
                                "PredefinedMetricType", "ALBRequestCountPerTarget")),
                        "TargetValue", 3000)))));
    }

    @Test
    void theApplicationRunsInAwsModeOnTheDeploymentsTablesAndStreamFromItsImageDigest() {
        Map<String, Object> app = container("app");
        Map<String, String> environment = Cfn.list(app.get("Environment")).stream().map(Cfn::map)
                .collect(Collectors.toMap(e -> e.get("Name").toString(), e -> Cfn.text(e.get("Value"))));
        assertThat(environment).containsAllEntriesOf(Map.of(
                "BOXOFFICE_DYNAMODB_MODE", "AWS",
                "BOXOFFICE_DYNAMODB_TABLEPREFIX", "boxoffice-test-",
                "BOXOFFICE_DYNAMODB_CREATETABLES", "false",
                "BOXOFFICE_DYNAMODB_REGION", "REGION",
                "BOXOFFICE_KINESIS_MODE", "AWS",
                "BOXOFFICE_KINESIS_STREAMNAME", "boxoffice-test-events",
                "BOXOFFICE_KINESIS_CREATESTREAM", "false",
                "BOXOFFICE_KINESIS_REGION", "REGION",
                "MANAGEMENT_SERVER_PORT", "8081"));
        assertThat(Cfn.text(app.get("Image"))).isEqualTo("ACCOUNT.dkr.ecr.REGION.amazonaws.com/boxoffice-test@" + TestDeployment.DIGEST);
        assertThat(Cfn.list(app.get("PortMappings"))).containsExactly(Map.of("ContainerPort", 8080, "Protocol", "tcp"),
                Map.of("ContainerPort", 8081, "Protocol", "tcp"));
    }

    @Test
    void theApplicationTrustsTheCognitoUserPoolsAccessTokensWithItsGroupsAsRoles() {
        Map<String, String> environment = Cfn.list(container("app").get("Environment")).stream().map(Cfn::map)
                .collect(Collectors.toMap(e -> e.get("Name").toString(), e -> Cfn.text(e.get("Value"))));
        assertThat(environment).containsAllEntriesOf(Map.of(
                "BOXOFFICE_SECURITY_ISSUERURI", "https://cognito-idp.REGION.amazonaws.com/" + TestDeployment.USER_POOL,
                "BOXOFFICE_SECURITY_AUDIENCE", TestDeployment.APP_CLIENT,
                "BOXOFFICE_SECURITY_AUDIENCECLAIM", "client_id",
                "BOXOFFICE_SECURITY_ROLESCLAIM", "cognito:groups"));
    }

    @Test
    void logsGoToGroupsWithRetention() {
        template.resourceCountIs("AWS::Logs::LogGroup", 2);
        template.allResourcesProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 30)));
        Map<String, Object> logging = Cfn.map(container("app").get("LogConfiguration"));
        assertThat(logging.get("LogDriver")).isEqualTo("awslogs");
        String group = Cfn.text(Cfn.map(logging.get("Options")).get("awslogs-group"));
        assertThat(template.findResources("AWS::Logs::LogGroup", Map.of("Properties", Match.objectLike(Map.of(
                "LogGroupName", "/boxoffice/test/application"))))).containsKey(group.replaceAll("\\{Ref:(.*)}", "$1"));
    }

    @Test
    void alarmsOn5xxProcessorLagAndKinesisPublishLag() {
        template.resourceCountIs("AWS::CloudWatch::Alarm", 4);
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "Namespace", "AWS/ApplicationELB", "MetricName", "HTTPCode_Target_5XX_Count", "Statistic", "Sum")));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "Namespace", "AWS/ApplicationELB", "MetricName", "HTTPCode_ELB_5XX_Count")));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "Namespace", "Boxoffice", "MetricName", "boxoffice_processor_lag", "Statistic", "Maximum",
                "Dimensions", List.of(Map.of("Name", "service", "Value", "boxoffice-test")), "Threshold", 1000)));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "Namespace", "Boxoffice", "MetricName", "boxoffice_kinesis_publish_lag_seconds",
                "Dimensions", List.of(Map.of("Name", "service", "Value", "boxoffice-test")), "Threshold", 60)));
    }

    @Test
    void theMetricsAgentScrapesTheApplicationAndMakesTheAlarmedMetrics() {
        Map<String, Object> agent = container("metrics-agent");
        assertThat(agent.get("Essential")).isEqualTo(false);
        Map<String, String> environment = Cfn.list(agent.get("Environment")).stream().map(Cfn::map)
                .collect(Collectors.toMap(e -> e.get("Name").toString(), e -> Cfn.text(e.get("Value"))));
        assertThat(environment.get("PROMETHEUS_CONFIG_CONTENT"))
                .contains("metrics_path: /actuator/prometheus", "localhost:8081", "service: boxoffice-test");
        assertThat(environment.get("CW_CONFIG_CONTENT")).contains(
                "\"metric_namespace\":\"Boxoffice\"", "^boxoffice_processor_lag$",
                "^boxoffice_kinesis_publish_lag_seconds$", "\"log_group_name\":\"/boxoffice/test/metrics\"",
                "\"log_stream_name\":\"prometheus\"");
    }

    @Test
    void propsRefuseWhatAFargateDeploymentWouldRefuseLater() {
        StatelessStackProps.Builder valid = StatelessStackProps.builder(TestDeployment.NAMES, TestDeployment.specs())
                .imageDigest(TestDeployment.DIGEST).certificateArn(TestDeployment.CERTIFICATE)
                .cognito(TestDeployment.USER_POOL, TestDeployment.APP_CLIENT);
        assertThat(valid.build().desiredCount()).isEqualTo(2);
        assertThatThrownBy(() -> valid.desiredCount(1).build()).hasMessageContaining("At least 2 tasks");
        valid.desiredCount(2);
        assertThatThrownBy(() -> valid.imageDigest("latest").build()).hasMessageContaining("digest");
        valid.imageDigest(TestDeployment.DIGEST);
        assertThatThrownBy(() -> valid.certificateArn(null).build()).hasMessageContaining("certificate");
        valid.certificateArn(TestDeployment.CERTIFICATE);
        assertThatThrownBy(() -> valid.memoryMiB(512).build()).hasMessageContaining("2048 to 8192 MiB");
        valid.memoryMiB(2048);
        assertThatThrownBy(() -> valid.maxCount(1).build()).hasMessageContaining("below desiredCount");
        valid.maxCount(6);
        assertThatThrownBy(() -> valid.cognito(null, TestDeployment.APP_CLIENT).build()).hasMessageContaining("Cognito user pool");
        assertThatThrownBy(() -> valid.cognito(TestDeployment.USER_POOL, "Not A Client").build())
                .hasMessageContaining("app client");
    }

    @Test
    void theServiceNeedsNothingFromTheStatefulStackButNames() {
        assertThat(TestDeployment.get().statelessStack.getDependencies()).isEmpty();
        assertThat(template.toJSON().toString()).doesNotContain("Fn::ImportValue");
    }

    private static Map<String, Object> resource(String logicalId) {
        return Cfn.map(Cfn.map(template.toJSON().get("Resources")).get(logicalId));
    }

    private static Map<String, Object> container(String name) {
        Map<String, Object> task = Cfn.properties(template.findResources("AWS::ECS::TaskDefinition").values().iterator().next());
        return Cfn.list(task.get("ContainerDefinitions")).stream().map(Cfn::map)
                .filter(c -> c.get("Name").equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, Set<String>> actionsByResource() {
        Map<String, Set<String>> byResource = new java.util.HashMap<>();
        for (Map<String, Object> statement : taskStatements) {
            for (String resource : Cfn.texts(statement.get("Resource"))) {
                byResource.computeIfAbsent(resource, r -> new java.util.TreeSet<>()).addAll(Cfn.texts(statement.get("Action")));
            }
        }
        return byResource;
    }
}
