package com.boxoffice.kernel.security;

import com.boxoffice.kernel.admin.AdminCredential;
import com.boxoffice.kernel.admin.AdminProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;

import java.util.ArrayList;
import java.util.List;

/**
 * The shop's web edge as an OAuth2 resource server: every request but browsing concerts, health and the API docs
 * needs a JWT from the issuer ({@link ShopSecurityProperties}), the caller's roles decide what it may do, and the
 * refusals are problem+json (401 with a {@code WWW-Authenticate} challenge, 403). The actuator beyond health and info,
 * and the admin API, are for operators; the optional static admin token opens the admin API only. With the actuator on
 * a management port of its own, Prometheus scrapes {@code /actuator/prometheus} there without a token: that port is
 * for the network inside (see {@link ManagementPortScrape}). Contexts add the
 * rules of their own endpoints as {@link AccessRules} beans.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties({ShopSecurityProperties.class, AdminProperties.class})
@Import(DevelopmentIssuerConfiguration.class)
public class ShopSecurityAutoConfiguration {

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, List<AccessRules> contextRules,
                                               JwtDecoder jwtDecoder, ShopSecurityProperties properties,
                                               AdminProperties admin, Environment environment) throws Exception {
        AuthenticationManager callers = callers(jwtDecoder, properties, admin);
        http.authorizeHttpRequests(requests -> {
                    // Error pages render the answer of a request that was already let through or refused.
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    requests.requestMatchers(EndpointRequest.to("health", "info")).permitAll();
                    requests.requestMatchers(new ManagementPortScrape(environment)).permitAll();
                    requests.requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(ShopRole.OPERATOR.name());
                    requests.requestMatchers("/api/admin/**")
                            .hasAnyAuthority(ShopRole.OPERATOR.authority(), AdminTokenAuthentication.AUTHORITY);
                    requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                            .permitAll();
                    contextRules.forEach(rules -> rules.define(requests));
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(request -> callers)
                        .authenticationEntryPoint(new ProblemAuthenticationEntryPoint())
                        .accessDeniedHandler(new ProblemAccessDeniedHandler()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new ProblemAuthenticationEntryPoint())
                        .accessDeniedHandler(new ProblemAccessDeniedHandler()))
                // Bearer tokens only: no session, no cookie, so nothing for a cross-site request to ride on.
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /** The static admin token first when it is configured, then the JWT. */
    private static AuthenticationManager callers(JwtDecoder jwtDecoder, ShopSecurityProperties properties,
                                                 AdminProperties admin) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        AdminCredential adminToken = new AdminCredential(admin.token());
        if (adminToken.enabled()) {
            providers.add(new AdminTokenAuthentication(adminToken));
        }
        JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(jwtDecoder);
        jwt.setJwtAuthenticationConverter(new RolesClaimConverter(properties.rolesClaim()));
        providers.add(jwt);
        ProviderManager manager = new ProviderManager(providers);
        return authentication -> {
            try {
                return manager.authenticate(authentication);
            } catch (AuthenticationServiceException issuerUnreachable) {
                throw new IssuerUnavailableException(issuerUnreachable);
            }
        };
    }

    /** Tokens of the configured issuer, its keys from its JWK set (discovered from the issuer unless configured). */
    @Configuration(proxyBeanMethods = false)
    @Conditional(OnIssuerConfigured.class)
    static class ConfiguredIssuer {

        @Bean
        JwtDecoder jwtDecoder(ShopSecurityProperties properties) {
            NimbusJwtDecoder decoder = properties.jwkSetUri() == null || properties.jwkSetUri().isBlank()
                    ? NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build()
                    : NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
            decoder.setJwtValidator(TokenValidation.of(properties.issuerUri(), properties.audienceClaim(),
                    properties.audience()));
            return decoder;
        }
    }
}
