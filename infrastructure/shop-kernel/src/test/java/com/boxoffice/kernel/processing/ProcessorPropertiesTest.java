package com.boxoffice.kernel.processing;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The processors' batch size: 25 unless set, refused with the property's name outside 1..1000. */
class ProcessorPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ProcessorBatchingAutoConfiguration.class));

    @Test
    void defaultsTo25() {
        context.run(started -> assertThat(started.getBean(ProcessorProperties.class).batchSize()).isEqualTo(25));
    }

    @Test
    void aBatchSizeOutOfRangeStopsTheStartNamingTheProperty() {
        context.withPropertyValues("boxoffice.processors.batch-size=0").run(started -> assertThat(started)
                .getFailure().rootCause().hasMessageContaining("boxoffice.processors.batch-size must be 1 to 1000, was 0"));
    }
}
