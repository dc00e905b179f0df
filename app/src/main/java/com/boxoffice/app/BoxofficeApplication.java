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

    /**
     * Starts the application; a failed start ends the JVM with exit code 1. Spring has already logged why and closed
     * what it had started, but DynamoDB Local leaves a non-daemon thread of its own behind, and a process that neither
     * serves nor exits would hide the failure from whatever supervises it.
     */
    public static void main(String[] args) {
        try {
            SpringApplication.run(BoxofficeApplication.class, args);
        } catch (RuntimeException startFailed) {
            System.exit(1);
        }
    }
}
