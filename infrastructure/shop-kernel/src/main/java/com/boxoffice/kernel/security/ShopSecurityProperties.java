package com.boxoffice.kernel.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Who may call the API, under {@code boxoffice.security}: the OpenID Connect issuer whose JWTs are accepted, or, when
 * none is configured, the development issuer inside the application.
 *
 * @param issuerUri     the issuer ({@code iss}) of accepted tokens, e.g. an Amazon Cognito user pool's
 *                      {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}; its keys are found through its
 *                      OpenID configuration. Blank (the default): the development issuer runs instead
 * @param jwkSetUri     where the issuer's signing keys are, when not to be discovered from the issuer; optional
 * @param audience      the value the audience claim must hold (default {@code boxoffice})
 * @param audienceClaim the claim holding the audience: {@code aud} (default); Cognito's access tokens name their app
 *                      client in {@code client_id} instead
 * @param rolesClaim    the claim listing the caller's roles ({@code customer}, {@code staff}, {@code operator});
 *                      default {@code roles}, Cognito's groups are {@code cognito:groups}
 * @param devIssuer     the development issuer, used only when {@code issuerUri} is blank
 */
@ConfigurationProperties("boxoffice.security")
public record ShopSecurityProperties(String issuerUri, String jwkSetUri,
                                     @DefaultValue("boxoffice") String audience,
                                     @DefaultValue("aud") String audienceClaim,
                                     @DefaultValue("roles") String rolesClaim,
                                     @DefaultValue DevIssuer devIssuer) {

    public static final String ISSUER_URI_PROPERTY = "boxoffice.security.issuer-uri";

    public boolean issuerConfigured() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    /**
     * The issuer the application runs itself when no other is configured: it hands out client-credentials tokens to
     * demo users, each a client with a secret and roles.
     *
     * @param issuer        the {@code iss} of its tokens (default {@code http://localhost:8080}); a name, not
     *                      necessarily where it listens
     * @param tokenLifetime how long its tokens are valid (default 1 hour)
     * @param users         the demo users
     */
    public record DevIssuer(@DefaultValue("http://localhost:8080") String issuer,
                            @DefaultValue("1h") Duration tokenLifetime,
                            @DefaultValue List<DemoUser> users) {
    }

    /**
     * A demo user of the development issuer.
     *
     * @param id     the OAuth2 client id, and the subject of its tokens (a customer's id)
     * @param secret the client secret
     * @param roles  its roles, as the roles claim names them
     */
    public record DemoUser(String id, String secret, List<String> roles) {

        public DemoUser {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
