package com.boxoffice.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's default start: embedded DynamoDB Local, health UP, no phone-home. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "boxoffice.dynamodb.embedded.in-memory=true")
class ApplicationStartsTest {

    @LocalServerPort
    int port;

    @Autowired
    com.boxoffice.axon.springboot.dynamodb.DynamoDbConnection connection;

    @Test
    void healthIsUpOnTheEmbeddedDefault() {
        Map<?, ?> health = RestClient.create("http://localhost:" + port).get().uri("/actuator/health")
                .retrieve().body(Map.class);
        assertThat(health.get("status")).isEqualTo("UP");
        assertThat(connection.mode()).hasToString("EMBEDDED");
    }

    @Test
    void axonsUpdateCheckerIsSwitchedOff() {
        assertThat(System.getProperty("axoniq.update-checker.disabled")).isEqualTo("true");
    }
}
