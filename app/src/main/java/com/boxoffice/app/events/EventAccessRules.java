package com.boxoffice.app.events;

import com.boxoffice.kernel.security.AccessRules;
import com.boxoffice.kernel.security.ShopRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event browser and request traces show every customer's data: operators only. */
@Configuration(proxyBeanMethods = false)
public class EventAccessRules {

    @Bean
    AccessRules eventRules() {
        return requests -> requests
                .requestMatchers("/api/events", "/api/events/**", "/api/requests/**").hasRole(ShopRole.OPERATOR.name());
    }
}
