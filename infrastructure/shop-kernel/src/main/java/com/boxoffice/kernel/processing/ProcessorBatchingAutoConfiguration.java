package com.boxoffice.kernel.processing;

import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The batch size of every pooled streaming processor ({@link ProcessorProperties}), as Axon's default configuration
 * of such processors: a processor's own configuration is applied after it and may override it.
 * <p>
 * Why: Axon's default is one event per unit of work, so a busy processor stores its token once per event. On
 * DynamoDB that is a write per event per processor, several per order in an on-sale; with batches the token is
 * written once per batch. Batches only form when events wait, so an idle application answers as before.
 */
@AutoConfiguration
@ConditionalOnClass(ConfigurerModule.class)
@EnableConfigurationProperties(ProcessorProperties.class)
public class ProcessorBatchingAutoConfiguration {

    @Bean
    public ConfigurerModule pooledProcessorBatchSize(ProcessorProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(
                        (configuration, builder) -> builder.batchSize(properties.batchSize())));
    }
}
