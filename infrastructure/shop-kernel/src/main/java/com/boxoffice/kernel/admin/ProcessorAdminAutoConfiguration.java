package com.boxoffice.kernel.admin;

import com.boxoffice.axon.springboot.eventstore.DynamoDbEventStoreAutoConfiguration;
import com.boxoffice.axon.springboot.tokenstore.DynamoDbTokenStoreAutoConfiguration;

import com.boxoffice.kernel.admin.AdminProblemHandler;
import com.boxoffice.kernel.admin.AdminProcessorsController;
import com.boxoffice.kernel.admin.AdminProperties;
import com.boxoffice.kernel.admin.ProcessorAdminService;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

import java.time.Clock;

/**
 * The admin endpoints for event processors ({@code /api/admin/processors}) and their dead letters
 * ({@code /api/admin/dead-letters}) in a servlet web application with Axon event processing. Always registered;
 * for operators only (see {@code ShopSecurityAutoConfiguration}).
 */
@AutoConfiguration(after = {AxonAutoConfiguration.class, EventProcessingAutoConfiguration.class,
        DynamoDbEventStoreAutoConfiguration.class, DynamoDbTokenStoreAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(EventProcessingConfiguration.class)
@EnableConfigurationProperties(AdminProperties.class)
public class ProcessorAdminAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ProcessorAdminService processorAdminService(EventProcessingConfiguration processing,
                                                       ObjectProvider<EventStore> eventStore, AdminProperties properties) {
        return new ProcessorAdminService(processing, () -> headOf(eventStore.getIfAvailable()),
                properties.shutdownTimeout(), Clock.systemUTC());
    }

    @Bean
    public AdminProcessorsController adminProcessorsController(ProcessorAdminService service) {
        return new AdminProcessorsController(service);
    }

    @Bean
    @ConditionalOnMissingBean
    public DeadLetterAdminService deadLetterAdminService(EventProcessingConfiguration processing) {
        return new DeadLetterAdminService(processing);
    }

    @Bean
    public AdminDeadLettersController adminDeadLettersController(DeadLetterAdminService service) {
        return new AdminDeadLettersController(service);
    }

    @Bean
    public AdminProblemHandler adminProblemHandler() {
        return new AdminProblemHandler();
    }

    private static TrackingToken headOf(EventStore eventStore) {
        return eventStore == null ? null : eventStore.createHeadToken();
    }
}
