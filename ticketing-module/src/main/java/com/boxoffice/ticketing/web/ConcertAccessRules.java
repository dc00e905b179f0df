package com.boxoffice.ticketing.web;

import com.boxoffice.kernel.idempotency.IdempotentEndpoint;
import com.boxoffice.kernel.security.AccessRules;
import com.boxoffice.kernel.security.ShopRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the concert endpoints: anyone browses the concerts; staff schedule and cancel them. Scheduling takes an
 * {@code Idempotency-Key}.
 */
@Configuration(proxyBeanMethods = false)
public class ConcertAccessRules {

    /** A retried scheduling with the same key answers the first concert's id: one concert. */
    @Bean
    IdempotentEndpoint idempotentScheduling() {
        return new IdempotentEndpoint(HttpMethod.POST, "/api/concerts");
    }

    @Bean
    AccessRules concertRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/concerts", "/api/concerts/*").permitAll()
                .requestMatchers("/api/concerts", "/api/concerts/**").hasRole(ShopRole.STAFF.name());
    }
}
