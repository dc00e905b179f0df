package com.boxoffice.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The single executable: both bounded contexts, their projections and REST endpoints, on one event store. */
@SpringBootApplication(scanBasePackages = "com.boxoffice")
public class BoxofficeApplication {

    public static void main(String[] args) {
        SpringApplication.run(BoxofficeApplication.class, args);
    }
}
