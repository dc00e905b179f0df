package com.boxoffice.kernel.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The development issuer: Spring Authorization Server inside the application, only when no issuer is configured
 * ({@link OnIssuerConfigured.Not}). Each demo user is an OAuth2 client; {@code POST /oauth2/token} with its id and
 * secret and {@code grant_type=client_credentials} answers a JWT whose subject is the user, with the shop's audience
 * and the user's roles. The signing key is made at start-up and never leaves memory: tokens die with the process, and
 * each instance trusts only its own.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnIssuerConfigured.Not.class)
class DevelopmentIssuerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentIssuerConfiguration.class);

    /** Before the API's chain, which would otherwise take the token endpoint for an API request. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain developmentIssuerFilterChain(HttpSecurity http) throws Exception {
        // It finds the demo users and its settings among the beans below. Applied first: its endpoints are known only
        // once it is part of the chain.
        OAuth2AuthorizationServerConfigurer issuer = new OAuth2AuthorizationServerConfigurer();
        http.with(issuer, configurer -> {
        });
        http.securityMatcher(issuer.getEndpointsMatcher())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    RegisteredClientRepository demoUsers(ShopSecurityProperties properties) {
        ShopSecurityProperties.DevIssuer dev = properties.devIssuer();
        if (dev.users().isEmpty()) {
            // Nobody gets a token, so only what anonymous callers may do is open: safe, and said so.
            log.warn("The development issuer has no demo users (boxoffice.security.dev-issuer.users) and no issuer is"
                    + " configured ({}): no token can be had, only anonymous requests are served",
                    ShopSecurityProperties.ISSUER_URI_PROPERTY);
            return new NoDemoUsers();
        }
        List<RegisteredClient> clients = dev.users().stream().map(user -> RegisteredClient
                        .withId(UUID.nameUUIDFromBytes(user.id().getBytes()).toString())
                        .clientId(user.id())
                        .clientSecret("{noop}" + user.secret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(dev.tokenLifetime()).build())
                        .build())
                .toList();
        log.warn("""
                
                ************************************************************************************************
                DEVELOPMENT ISSUER ON: this application hands out its own tokens to demo users ({}), issuer {}.
                Not for production: configure a real issuer with {} (e.g. an Amazon Cognito user pool).
                ************************************************************************************************""",
                dev.users().stream().map(user -> user.id() + " " + user.roles()).collect(Collectors.joining(", ")),
                dev.issuer(), ShopSecurityProperties.ISSUER_URI_PROPERTY);
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** The development issuer without users: it knows no client, so its token endpoint answers 401 to everyone. */
    private static final class NoDemoUsers implements RegisteredClientRepository {

        @Override
        public void save(RegisteredClient registeredClient) {
            throw new UnsupportedOperationException("Demo users come from boxoffice.security.dev-issuer.users");
        }

        @Override
        public RegisteredClient findById(String id) {
            return null;
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            return null;
        }
    }

    @Bean
    AuthorizationServerSettings developmentIssuerSettings(ShopSecurityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.devIssuer().issuer()).build();
    }

    /** The shop's audience and the user's roles in every access token; the subject is the user already. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> demoUserClaims(ShopSecurityProperties properties) {
        Map<String, List<String>> rolesById = properties.devIssuer().users().stream()
                .collect(Collectors.toMap(ShopSecurityProperties.DemoUser::id, ShopSecurityProperties.DemoUser::roles,
                        (first, second) -> first));
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                String user = context.getRegisteredClient().getClientId();
                context.getClaims().claim(properties.audienceClaim(), properties.audience())
                        .claim(properties.rolesClaim(), rolesById.getOrDefault(user, List.of()));
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> developmentIssuerKeys() {
        KeyPair pair = rsaKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** The API checks the development issuer's tokens with its keys directly, not over HTTP. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, ShopSecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        decoder.setJwtValidator(TokenValidation.of(properties.devIssuer().issuer(), properties.audienceClaim(),
                properties.audience()));
        return decoder;
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has RSA", e);
        }
    }
}
