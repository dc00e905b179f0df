package com.boxoffice.kernel.admin;

import com.boxoffice.axon.springboot.eventstore.DynamoDbEventStoreAutoConfiguration;
import com.boxoffice.axon.springboot.tokenstore.DynamoDbTokenStoreAutoConfiguration;

import com.boxoffice.kernel.admin.AdminCredential;
import com.boxoffice.kernel.admin.AdminProblemHandler;
import com.boxoffice.kernel.admin.AdminProcessorsController;
import com.boxoffice.kernel.admin.AdminProperties;
import com.boxoffice.kernel.admin.ProcessorAdminService;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * without {@code boxoffice.admin.token} they answer 403, so they are never open.
 */
@AutoConfiguration(after = {AxonAutoConfiguration.class, EventProcessingAutoConfiguration.class,
        DynamoDbEventStoreAutoConfiguration.class, DynamoDbTokenStoreAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(EventProcessingConfiguration.class)
@EnableConfigurationProperties(AdminProperties.class)
public class ProcessorAdminAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProcessorAdminAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public ProcessorAdminService processorAdminService(EventProcessingConfiguration processing,
                                                       ObjectProvider<EventStore> eventStore, AdminProperties properties) {
        return new ProcessorAdminService(processing, () -> headOf(eventStore.getIfAvailable()),
                properties.shutdownTimeout(), Clock.systemUTC());
    }

    @Bean
    public AdminProcessorsController adminProcessorsController(ProcessorAdminService service, AdminProperties properties) {
        AdminCredential credential = new AdminCredential(properties.token());
        if (!credential.enabled()) {
            log.info("Admin endpoints /api/admin/** answer 403: set {} to enable them", AdminProperties.TOKEN_PROPERTY);
        }
        return new AdminProcessorsController(service, credential);
    }

    @Bean
    @ConditionalOnMissingBean
    public DeadLetterAdminService deadLetterAdminService(EventProcessingConfiguration processing) {
        return new DeadLetterAdminService(processing);
    }

    @Bean
    public AdminDeadLettersController adminDeadLettersController(DeadLetterAdminService service, AdminProperties properties) {
        return new AdminDeadLettersController(service, new AdminCredential(properties.token()));
    }

    @Bean
    public AdminProblemHandler adminProblemHandler() {
        return new AdminProblemHandler();
    }

    private static TrackingToken headOf(EventStore eventStore) {
        return eventStore == null ? null : eventStore.createHeadToken();
    }
}
