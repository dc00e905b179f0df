package com.boxoffice.kernel.security;

import com.boxoffice.kernel.admin.AdminCredential;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * The static admin token ({@code boxoffice.admin.token}), an opt-in for operators' scripts: a bearer token equal to it
 * is authenticated with the authority {@value #AUTHORITY}, which opens the admin API only. Any other bearer token is
 * left to the JWT provider after this one.
 */
final class AdminTokenAuthentication implements AuthenticationProvider {

    static final String AUTHORITY = "ADMIN_TOKEN";
    static final String PRINCIPAL = "admin-token";

    private final AdminCredential credential;

    AdminTokenAuthentication(AdminCredential credential) {
        this.credential = credential;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (!credential.matches(token)) {
            return null;
        }
        return UsernamePasswordAuthenticationToken.authenticated(PRINCIPAL, null,
                AuthorityUtils.createAuthorityList(AUTHORITY));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
