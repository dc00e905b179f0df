package com.boxoffice.kernel.commands;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The application's command gateway, shared by every context: it retries optimistic-locking conflicts (a hot
 * concert's reservations race from several JVMs for the same aggregate) and answers every other failure at once.
 * Runs before Axon's auto-configuration, whose plain gateway then backs off; an application may declare its own.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
@EnableConfigurationProperties(CommandProperties.class)
public class CommandGatewayAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ConflictRetryThreads conflictRetryThreads() {
        return new ConflictRetryThreads();
    }

    @Bean
    @ConditionalOnMissingBean
    public CommandGateway commandGateway(CommandBus commandBus, ConflictRetryThreads conflictRetryThreads,
                                         CommandProperties properties) {
        CommandProperties.ConflictRetry retry = properties.conflictRetry();
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(ConflictRetryScheduler.builder()
                        .retryExecutor(conflictRetryThreads.executor())
                        .maxRetryCount(retry.maxRetries())
                        .baseDelayMillis(retry.baseDelay().toMillis())
                        .maxDelayMillis(retry.maxDelay().toMillis())
                        .build())
                .build();
    }
}
