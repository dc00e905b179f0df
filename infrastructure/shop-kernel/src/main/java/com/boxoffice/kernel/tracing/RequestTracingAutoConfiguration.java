package com.boxoffice.kernel.tracing;

import com.boxoffice.kernel.tracing.RequestIdDispatchInterceptor;
import com.boxoffice.kernel.tracing.RequestIdLoggingInterceptor;
import com.boxoffice.kernel.tracing.RequestIds;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Carries the HTTP request id through Axon: dispatch interceptors stamp it on the commands and events dispatched while
 * a request is served, and a correlation data provider copies it from each handled message to the messages its
 * handler creates. Runs before Axon's auto-configuration because that one adds its {@link MessageOriginProvider}
 * (correlation and trace ids) only when no {@link CorrelationDataProvider} bean exists: this one declares both.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class RequestTracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "requestIdCorrelationDataProvider")
    public CorrelationDataProvider requestIdCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(RequestIds.METADATA_KEY);
    }

    @Bean
    @ConditionalOnMissingBean(MessageOriginProvider.class)
    public MessageOriginProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /**
     * On the buses, not a gateway: every gateway an application builds then stamps alike. Handlers of commands and of
     * every event processor log with the request id in the MDC.
     */
    @Bean
    public ConfigurerModule requestIdInterceptors() {
        return configurer -> {
            configurer.eventProcessing(processing ->
                    processing.registerDefaultHandlerInterceptor((configuration, name) -> new RequestIdLoggingInterceptor<>()));
            configurer.onInitialize(configuration -> configuration.onStart(Integer.MIN_VALUE, () -> {
                CommandBus commandBus = configuration.commandBus();
                commandBus.registerDispatchInterceptor(new RequestIdDispatchInterceptor<>());
                commandBus.registerHandlerInterceptor(new RequestIdLoggingInterceptor<>());
                EventBus eventBus = configuration.eventBus();
                eventBus.registerDispatchInterceptor(new RequestIdDispatchInterceptor<>());
            }));
        };
    }
}
