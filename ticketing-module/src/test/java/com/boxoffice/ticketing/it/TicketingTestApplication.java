package com.boxoffice.ticketing.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The ticketing context alone, as the app assembles it (component scan plus auto-configuration): on the DynamoDB event
 * store and token store of {@code infrastructure}, against DynamoDB Local.
 */
@SpringBootApplication(scanBasePackages = "com.boxoffice.ticketing")
class TicketingTestApplication {
}
