package com.boxoffice.kernel.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated JWT as the caller: its subject is the caller's name (a customer's id), the shop's roles in the configured
 * claim become authorities. The claim may be a list ({@code ["customer"]}, as Cognito's {@code cognito:groups}) or one
 * text of roles separated by spaces or commas; values that are no shop role are ignored, so a token of the issuer's
 * other applications gets no role here.
 */
final class RolesClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String rolesClaim;

    RolesClaimConverter(String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt.getClaim(rolesClaim)), jwt.getSubject());
    }

    private static Collection<GrantedAuthority> authorities(Object claim) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (String value : values(claim)) {
            ShopRole.fromClaim(value).ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        }
        return authorities;
    }

    private static List<String> values(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(value -> values.add(String.valueOf(value)));
        } else if (claim instanceof String text) {
            for (String value : text.split("[\\s,]+")) {
                if (!value.isBlank()) {
                    values.add(value);
                }
            }
        }
        return values;
    }
}
