package com.boxoffice.deploy;

import com.boxoffice.axon.springboot.dynamodb.DynamoDbMode;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbProperties;
import com.boxoffice.axon.springboot.kinesis.KinesisMode;
import com.boxoffice.axon.springboot.kinesis.KinesisProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.HashMap;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationSettingsTest {

    /** What the task's environment variables bind to, by Spring Boot's own binder, as the service will bind them. */
    @Test
    void theServicesEnvironmentBindsToTheApplicationsOwnProperties() {
        ApplicationSettings settings = new ApplicationSettings(TestDeployment.NAMES);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new HashMap<>(settings.environment())));
        Binder binder = Binder.get(environment);

        DynamoDbProperties dynamoDb = binder.bind("boxoffice.dynamodb", DynamoDbProperties.class).get();
        KinesisProperties kinesis = binder.bind("boxoffice.kinesis", KinesisProperties.class).get();

        assertThat(dynamoDb.mode()).isEqualTo(DynamoDbMode.AWS);
        assertThat(dynamoDb.tablePrefix()).isEqualTo("boxoffice-test-");
        assertThat(kinesis.enabled()).isTrue();
        assertThat(kinesis.mode()).isEqualTo(KinesisMode.AWS);
        assertThat(kinesis.streamName()).isEqualTo("boxoffice-test-events");
        assertThat(kinesis.createStream(KinesisMode.AWS)).isFalse();
    }

    @Test
    void deploymentNamesRefuseWhatNoTableOrStackCouldBeNamed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DeploymentNames("Prod_1"))
                .hasMessageContaining("lower-case");
        assertThat(new DeploymentNames("staging").tablePrefix()).isEqualTo("boxoffice-staging-");
    }
}
