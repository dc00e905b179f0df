package com.boxoffice.axon.springboot.dynamodb;

import com.boxoffice.axon.springboot.aws.AwsCredentialsChoice;
import com.boxoffice.axon.springboot.aws.AwsCredentialsSniffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DynamoDbConnectionModeTest {

    @TempDir
    Path home;

    private static DynamoDbProperties properties(DynamoDbMode mode, URI endpoint) {
        return new DynamoDbProperties(mode, endpoint, null, "boxoffice-", new DynamoDbProperties.Embedded(Path.of("data"), 0, false), true);
    }

    private AwsCredentialsChoice sniffer(Map<String, String> env) {
        return new AwsCredentialsChoice(new AwsCredentialsSniffer(env::get, key -> null, home));
    }

    @Test
    void autoWithoutEndpointOrCredentialsIsEmbedded() {
        assertThat(DynamoDbConnection.resolveMode(properties(DynamoDbMode.AUTO, null), sniffer(Map.of())))
                .isEqualTo(DynamoDbMode.EMBEDDED);
    }

    @Test
    void autoWithAnEndpointUsesIt() {
        assertThat(DynamoDbConnection.resolveMode(properties(DynamoDbMode.AUTO, URI.create("http://localhost:8000")), sniffer(Map.of())))
                .isEqualTo(DynamoDbMode.ENDPOINT);
    }

    @Test
    void autoWithCredentialsInTheEnvironmentIsAws() {
        assertThat(DynamoDbConnection.resolveMode(properties(DynamoDbMode.AUTO, null), sniffer(Map.of("AWS_ACCESS_KEY_ID", "AKIA..."))))
                .isEqualTo(DynamoDbMode.AWS);
        assertThat(DynamoDbConnection.resolveMode(properties(DynamoDbMode.AUTO, null), sniffer(Map.of("AWS_PROFILE", "prod"))))
                .isEqualTo(DynamoDbMode.AWS);
    }

    @Test
    void autoWithASharedCredentialsFileIsAws() throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), "[default]\naws_access_key_id=x\n");
        assertThat(DynamoDbConnection.resolveMode(properties(DynamoDbMode.AUTO, null), sniffer(Map.of())))
                .isEqualTo(DynamoDbMode.AWS);
    }

    @Test
    void anExplicitModeWins() {
        assertThat(DynamoDbConnection.resolveMode(properties(DynamoDbMode.EMBEDDED, URI.create("http://localhost:8000")),
                sniffer(Map.of("AWS_ACCESS_KEY_ID", "AKIA...")))).isEqualTo(DynamoDbMode.EMBEDDED);
    }

    @Test
    void endpointModeWithoutAnEndpointIsAClearError() {
        assertThatThrownBy(() -> DynamoDbConnection.open(properties(DynamoDbMode.ENDPOINT, null), sniffer(Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("boxoffice.dynamodb.endpoint");
    }
}
