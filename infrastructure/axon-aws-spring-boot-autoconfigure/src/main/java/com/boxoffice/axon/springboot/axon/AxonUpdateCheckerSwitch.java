package com.boxoffice.axon.springboot.axon;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps Axon's update checker from phoning home unless a user turns it on.
 * <p>
 * Axon 4.13 reads {@code axoniq.update-checker.disabled} from system properties and the environment variable
 * {@code AXONIQ_UPDATE_CHECKER_DISABLED} only, not from Spring's {@code application.yml}. This copies the Spring
 * property (default {@code true}) into the system property before Axon's beans exist.
 */
public class AxonUpdateCheckerSwitch implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, environment.getProperty(PROPERTY, "true"));
        }
    }

    @Override
    public int getOrder() {
        // After the config files are read, so application.yml can say false.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
