package com.boxoffice.axon.springboot.tokenstore;

import com.boxoffice.axon.dynamodb.tokenstore.DynamoDbTokenStore;

import com.boxoffice.axon.springboot.tokenstore.DynamoDbTokenStoreAutoConfiguration;
import com.boxoffice.axon.dynamodb.schema.TableSpec;
import com.boxoffice.axon.springboot.testing.AxonContextRunners;
import com.boxoffice.testing.LocalDynamoDb;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** In a Spring Boot application with Axon, the DynamoDB token store becomes Axon's token store, configured by properties. */
class DynamoDbTokenStoreAutoConfigurationTest {

    private final String prefix = LocalDynamoDb.uniquePrefix();

    private final ApplicationContextRunner runner = AxonContextRunners.axonOnLocalDynamoDb(prefix, DynamoDbTokenStoreAutoConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    static class OwnTokenStore {
        @Bean
        TokenStore myTokenStore() {
            return new InMemoryTokenStore();
        }
    }

    @Test
    void theStoreIsAxonsTokenStoreWithTheDefaults() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            DynamoDbTokenStore store = context.getBean(DynamoDbTokenStore.class);
            assertThat(context.getBean(org.axonframework.config.Configuration.class).getComponent(TokenStore.class))
                    .as("the token store Axon's processors get").isSameAs(store);
            assertThat(store.table()).isEqualTo(prefix + "tokens");
            assertThat(store.claimTimeout()).isEqualTo(Duration.ofSeconds(15));
            assertThat(store.owner()).contains("@");
            assertThat(context.getBean("serializer")).isInstanceOf(Jackson3Serializer.class);

            // DynamoDbSchema created the table before the store was handed out.
            // describeTable, not listTables: the shared test server holds more tables than one list page shows.
            assertThat(context.getBean(DynamoDbClient.class).describeTable(r -> r.tableName(prefix + "tokens")).table().tableStatusAsString())
                    .isEqualTo("ACTIVE");
            // Axon's general serializer, with the project's token typing, writes and reads back even a replay token.
            TrackingToken replay = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(9), new GlobalSequenceTrackingToken(2));
            store.initializeTokenSegments("p", 1);
            store.storeToken(replay, "p", 0);
            assertThat(store.fetchToken("p", 0)).isEqualTo(replay);
        });
    }

    @Test
    void propertiesBind() {
        runner.withPropertyValues("boxoffice.tokenstore.table=claims", "boxoffice.tokenstore.claim-timeout=30s",
                "boxoffice.tokenstore.owner=node-7").run(context -> {
            assertThat(context).hasNotFailed();
            DynamoDbTokenStore store = context.getBean(DynamoDbTokenStore.class);
            assertThat(store.table()).isEqualTo(prefix + "claims");
            assertThat(store.claimTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(store.owner()).isEqualTo("node-7");
            assertThat(context.getBean(DynamoDbClient.class).describeTable(r -> r.tableName(prefix + "claims")).table().tableStatusAsString())
                    .isEqualTo("ACTIVE");
        });
    }

    @Test
    void anApplicationsOwnTokenStoreWinsAndNoTokenTableIsMade() {
        runner.withUserConfiguration(OwnTokenStore.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(DynamoDbTokenStore.class);
            assertThat(context.getBean(TokenStore.class)).isInstanceOf(InMemoryTokenStore.class);
            assertThat(context.getBeansOfType(TableSpec.class).values()).extracting(TableSpec::tableName)
                    .doesNotContain(prefix + "tokens");
        });
    }
}
