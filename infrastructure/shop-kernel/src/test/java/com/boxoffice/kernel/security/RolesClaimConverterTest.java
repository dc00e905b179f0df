package com.boxoffice.kernel.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RolesClaimConverterTest {

    @Test
    void theShopsRolesInTheClaimBecomeAuthoritiesAndTheSubjectTheName() {
        AbstractAuthenticationToken caller = new RolesClaimConverter("cognito:groups")
                .convert(jwt("cognito:groups", List.of("Customer", "newsletter", "staff")));
        assertThat(caller.getName()).isEqualTo("carol");
        assertThat(caller.getAuthorities()).map(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_CUSTOMER", "ROLE_STAFF");
    }

    @Test
    void aTextClaimIsSplitOnSpacesAndCommas() {
        AbstractAuthenticationToken caller = new RolesClaimConverter("roles").convert(jwt("roles", "operator, customer"));
        assertThat(caller.getAuthorities()).map(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_OPERATOR", "ROLE_CUSTOMER");
    }

    @Test
    void withoutTheClaimThereIsNoRole() {
        assertThat(new RolesClaimConverter("roles").convert(jwt("scope", "openid")).getAuthorities()).isEmpty();
    }

    private static Jwt jwt(String claim, Object value) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("carol").claim(claim, value)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }
}
