package com.boxoffice.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The single executable: both bounded contexts, their projections and REST endpoints, on one event store.
 * <p>
 * Only the contexts are scanned: {@code infrastructure} arrives through its auto-configuration, and scanning it would
 * pick up the nested configuration classes of its auto-configurations without their conditions.
 */
@SpringBootApplication(scanBasePackages = {"com.boxoffice.app", "com.boxoffice.ticketing", "com.boxoffice.cart"})
public class BoxofficeApplication {

    public static void main(String[] args) {
        SpringApplication.run(BoxofficeApplication.class, args);
    }
}
