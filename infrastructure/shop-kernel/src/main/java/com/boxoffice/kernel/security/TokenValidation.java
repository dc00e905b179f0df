package com.boxoffice.kernel.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

import java.util.Collection;
import java.util.Objects;

/**
 * What a token must be besides well signed: not expired nor used before its time (Spring Security's default, with
 * its minute of clock skew), from the expected issuer, for this application's audience, about a subject.
 */
final class TokenValidation {

    private TokenValidation() {
    }

    static OAuth2TokenValidator<Jwt> of(String issuer, String audienceClaim, String audience) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Object>(audienceClaim, value -> holds(value, audience)),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank()));
    }

    private static boolean holds(Object claim, String audience) {
        if (claim instanceof Collection<?> values) {
            return values.stream().anyMatch(value -> Objects.equals(String.valueOf(value), audience));
        }
        return claim != null && claim.toString().equals(audience);
    }
}
