package com.boxoffice.axon.springboot.testing;

import com.boxoffice.testing.LocalDynamoDb;

import com.boxoffice.axon.springboot.axon.AxonJackson3AutoConfiguration;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.axonframework.springboot.autoconfig.InfraConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Context runners for the auto-configuration tests: Axon's Spring Boot auto-configuration as an application gets it
 * (no Axon Server, Jackson 3 serializers), plus the auto-configurations under test.
 */
public final class AxonContextRunners {

    private AxonContextRunners() {
    }

    public static ApplicationContextRunner axon(Class<?>... autoConfigurations) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AxonAutoConfiguration.class,
                        EventProcessingAutoConfiguration.class, InfraConfiguration.class,
                        NoOpTransactionAutoConfiguration.class, ObjectMapperAutoConfiguration.class,
                        AxonTracingAutoConfiguration.class))
                .withConfiguration(AutoConfigurations.of(autoConfigurations))
                .withPropertyValues("axon.axonserver.enabled=false", "axon.serializer.general=jackson3",
                        "axon.serializer.events=jackson3", "axon.serializer.messages=jackson3");
    }

    /** The same with our Jackson 3 and DynamoDB auto-configurations, on the test DynamoDB Local under the prefix. */
    public static ApplicationContextRunner axonOnLocalDynamoDb(String tablePrefix, Class<?>... autoConfigurations) {
        return axon(autoConfigurations)
                .withConfiguration(AutoConfigurations.of(AxonJackson3AutoConfiguration.class,
                        DynamoDbAutoConfiguration.class))
                .withPropertyValues("boxoffice.dynamodb.mode=endpoint",
                        "boxoffice.dynamodb.endpoint=" + LocalDynamoDb.endpoint(),
                        "boxoffice.dynamodb.table-prefix=" + tablePrefix);
    }
}
