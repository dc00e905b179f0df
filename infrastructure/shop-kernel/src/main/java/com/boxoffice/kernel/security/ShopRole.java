package com.boxoffice.kernel.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Locale;
import java.util.Optional;

/**
 * The shop's roles, as the issuer names them in the roles claim ({@code customer}, {@code staff}, {@code operator}):
 * customers buy, staff run the shop, operators operate the application.
 */
public enum ShopRole {
    CUSTOMER, STAFF, OPERATOR;

    /** The Spring Security authority a token with this role is granted. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role as the issuer names it. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a claim value names (case ignored); empty for a value that is none of the shop's roles. */
    public static Optional<ShopRole> fromClaim(String value) {
        for (ShopRole role : values()) {
            if (role.claimValue().equalsIgnoreCase(value.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Whether the authenticated caller has this role. */
    public boolean heldBy(Authentication caller) {
        if (caller == null) {
            return false;
        }
        for (GrantedAuthority granted : caller.getAuthorities()) {
            if (authority().equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
