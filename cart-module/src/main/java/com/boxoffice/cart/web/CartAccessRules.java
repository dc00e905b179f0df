package com.boxoffice.cart.web;

import com.boxoffice.kernel.idempotency.IdempotentEndpoint;
import com.boxoffice.kernel.security.AccessRules;
import com.boxoffice.kernel.security.ShopRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the cart and order endpoints: customers open and change carts (their own: the cart itself checks the
 * owner) and read their carts and orders; staff read anyone's, and list the carts left open. Anonymous callers nothing.
 * Opening and checking out take an {@code Idempotency-Key}.
 */
@Configuration(proxyBeanMethods = false)
public class CartAccessRules {

    /** A retried open or checkout with the same key answers what the first did: one cart, one order. */
    @Bean
    IdempotentEndpoint idempotentCartOpening() {
        return new IdempotentEndpoint(HttpMethod.POST, "/api/carts");
    }

    @Bean
    IdempotentEndpoint idempotentCheckout() {
        return new IdempotentEndpoint(HttpMethod.POST, "/api/carts/{cartId}/checkout");
    }

    @Bean
    AccessRules cartRules() {
        String customer = ShopRole.CUSTOMER.name();
        String staff = ShopRole.STAFF.name();
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/carts").hasRole(staff)
                .requestMatchers(HttpMethod.GET, "/api/carts/*", "/api/orders/*").hasAnyRole(customer, staff)
                .requestMatchers("/api/carts", "/api/carts/**").hasRole(customer);
    }
}
