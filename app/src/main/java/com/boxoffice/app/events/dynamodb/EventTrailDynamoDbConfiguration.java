package com.boxoffice.app.events.dynamodb;

import com.boxoffice.app.events.EventTrail;
import com.boxoffice.app.events.EventTrailProperties;
import com.boxoffice.axon.springboot.dynamodb.DynamoDbProperties;
import com.boxoffice.axon.dynamodb.schema.DynamoDbSchema;
import com.boxoffice.axon.dynamodb.schema.TableSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The event trail table (created at start-up by {@link DynamoDbSchema}) and its adapter. */
@Configuration(proxyBeanMethods = false)
public class EventTrailDynamoDbConfiguration {

    @Bean
    TableSpec eventTrailTable(DynamoDbProperties properties) {
        return EventTrailTable.spec(properties.tableName(EventTrailTable.NAME));
    }

    /** Depends on the schema so that the table exists before the first event is projected. */
    @Bean
    EventTrail eventTrail(DynamoDbClient client, DynamoDbProperties properties, DynamoDbSchema schema,
                          EventTrailProperties trail) {
        return new DynamoDbEventTrail(client, properties.tableName(EventTrailTable.NAME), trail.retention());
    }
}
