package com.boxoffice.kernel.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call a context's endpoints, declared by the context next to its controllers as a bean. The shop's filter
 * chain applies every context's rules after its own (actuator, admin API, API docs) and before the last one: any other
 * request needs an authenticated caller. Rules name the paths of their own context only, so their order among
 * contexts does not matter.
 */
@FunctionalInterface
public interface AccessRules {

    void define(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
