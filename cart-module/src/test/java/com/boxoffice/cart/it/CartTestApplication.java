package com.boxoffice.cart.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Both contexts as the app assembles them (component scan plus auto-configuration): on the DynamoDB event store and
 * token store of {@code infrastructure}, against DynamoDB Local.
 */
@SpringBootApplication(scanBasePackages = {"com.boxoffice.ticketing", "com.boxoffice.cart"})
class CartTestApplication {
}
