package com.boxoffice.deploy;

import com.boxoffice.app.BoxofficeApplication;
import com.boxoffice.axon.dynamodb.schema.TableSpec;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.core.ResolvableType;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables the application uses, read from the application itself: its Spring context is built with the given
 * properties (those the deployed service runs with) and asked for its {@link TableSpec} beans, the very objects its
 * start-up would create tables from. So the stacks never hold a second copy of a table definition.
 * <p>
 * The context is built but not started: every bean is lazy, its events reach no listener, and a lifecycle processor
 * that starts nothing replaces Spring's, so no event processor, web server, database client or emulator is created; only the specs and what they
 * are made of (the properties). Nothing is reached over the network, and nothing is written.
 */
public final class ApplicationTableSpecs {

    private ApplicationTableSpecs() {
    }

    /**
     * @param applicationProperties Spring properties of the deployed application (table prefix, ...), on top of its
     *                              own {@code application.yml}
     * @return the application's table specs, by table name
     */
    public static List<TableSpec> read(Map<String, String> applicationProperties) {
        Map<String, Object> properties = new HashMap<>(applicationProperties);
        properties.putIfAbsent("logging.level.root", "WARN");
        SpringApplicationBuilder builder = new SpringApplicationBuilder(BoxofficeApplication.class)
                .web(WebApplicationType.NONE)
                .lazyInitialization(true)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .initializers(context -> {
                    // First: over the application's application.yml, as the deployed service's environment is.
                    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("deployment", properties));
                    context.getBeanFactory().registerSingleton(
                            AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME, new StartsNothing());
                    context.getBeanFactory().registerSingleton(
                            AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME, new DeliversNothing());
                    context.addBeanFactoryPostProcessor(ApplicationTableSpecs::everyBeanLazy);
                });
        try (ConfigurableApplicationContext context = builder.run()) {
            return context.getBeansOfType(TableSpec.class).values().stream()
                    .sorted(Comparator.comparing(TableSpec::tableName))
                    .toList();
        }
    }

    /**
     * Spring Boot's lazy initialisation leaves some beans eager on purpose (those that must see the others at start-up,
     * such as the health endpoint's validator, which asks every health indicator and so every client); here none is.
     */
    private static void everyBeanLazy(ConfigurableListableBeanFactory beanFactory) {
        for (String name : beanFactory.getBeanDefinitionNames()) {
            beanFactory.getBeanDefinition(name).setLazyInit(true);
        }
    }

    /** The context's events would create every listener bean (meter binders, for one); here they reach none. */
    private static final class DeliversNothing extends SimpleApplicationEventMulticaster {

        @Override
        public void multicastEvent(ApplicationEvent event) {
        }

        @Override
        public void multicastEvent(ApplicationEvent event, ResolvableType eventType) {
        }
    }

    /** Spring's lifecycle processor starts the beans that run the application; this one starts none. */
    private static final class StartsNothing implements LifecycleProcessor {

        private volatile boolean running;

        @Override
        public void onRefresh() {
            running = true;
        }

        @Override
        public void onClose() {
            running = false;
        }

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
