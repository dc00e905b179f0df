package com.boxoffice.ticketing.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Defaults the ticketing context needs and an application may replace: the clock its aggregates and catalogue read
 * time from, and a command gateway that retries optimistic-locking conflicts (a hot concert's reservations race from
 * several JVMs for the same aggregate). Runs before Axon's auto-configuration, whose plain gateway then backs off.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
@EnableConfigurationProperties(TicketingProperties.class)
public class TicketingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ConflictRetryThreads conflictRetryThreads() {
        return new ConflictRetryThreads();
    }

    @Bean
    @ConditionalOnMissingBean
    public CommandGateway commandGateway(CommandBus commandBus, ConflictRetryThreads conflictRetryThreads,
                                         TicketingProperties properties) {
        TicketingProperties.ConflictRetry retry = properties.conflictRetry();
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
