package com.boxoffice.kernel.security;

import com.boxoffice.kernel.web.FilterProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * 403 as {@code application/problem+json}: the caller is known, but none of its roles may do this. Spring Security's
 * bearer token handler sets the status and the {@code WWW-Authenticate} challenge.
 */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        challenge.handle(request, response, denied);
        FilterProblems.write(response, HttpStatus.FORBIDDEN, "Forbidden",
                "The roles of your token (" + roles(SecurityContextHolder.getContext().getAuthentication())
                        + ") do not allow " + request.getMethod() + " " + request.getRequestURI(), request);
    }

    private static String roles(Authentication caller) {
        String roles = caller == null ? "" : Arrays.stream(ShopRole.values()).filter(role -> role.heldBy(caller))
                .map(ShopRole::claimValue).collect(Collectors.joining(", "));
        if (roles.isEmpty() && caller != null) {
            roles = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(AdminTokenAuthentication.AUTHORITY::equals).map(a -> "admin token").findFirst().orElse("");
        }
        return roles.isEmpty() ? "none of customer, staff, operator" : roles;
    }
}
