package com.boxoffice.deploy;

import com.boxoffice.axon.dynamodb.schema.TableSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationTableSpecsTest {

    /**
     * Read in AWS mode without a region: had the context created a DynamoDB or Kinesis client, the SDK would have
     * refused to build it for want of one, so this also shows that nothing but the specs is made.
     */
    @Test
    void readsEveryTableOfTheApplicationUnderTheDeploymentsPrefix() {
        List<TableSpec> specs = TestDeployment.specs();

        assertThat(specs).extracting(TableSpec::tableName).contains(
                "boxoffice-test-carts", "boxoffice-test-concerts", "boxoffice-test-dead-letters",
                "boxoffice-test-event-heads", "boxoffice-test-event-trail", "boxoffice-test-events",
                "boxoffice-test-orders", "boxoffice-test-snapshots", "boxoffice-test-tokens")
                .allMatch(name -> name.startsWith("boxoffice-test-"))
                .doesNotHaveDuplicates();
        assertThat(specs).filteredOn(spec -> spec.tableName().equals("boxoffice-test-event-trail"))
                .extracting(TableSpec::timeToLiveAttribute).containsExactly("expiresAt");
    }
}
