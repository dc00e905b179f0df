package com.boxoffice.kernel.security;

import com.boxoffice.kernel.web.FilterProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/**
 * 401 as {@code application/problem+json}: Spring Security's bearer token entry point sets the status and the
 * {@code WWW-Authenticate} challenge (with the token's fault as {@code error_description}), the body says the same in
 * the API's words. A token that could not be checked because the issuer's keys are out of reach is 503.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof IssuerUnavailableException) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            FilterProblems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
                    "The token could not be checked now: the issuer's signing keys could not be fetched; try again", request);
            return;
        }
        challenge.commence(request, response, failure);
        FilterProblems.write(response, HttpStatus.UNAUTHORIZED, "Unauthenticated", detail(failure), request);
    }

    private static String detail(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth2 && oauth2.getError().getDescription() != null) {
            return "The bearer token is not accepted: " + oauth2.getError().getDescription();
        }
        return "This request needs a bearer token from the shop's issuer: send 'Authorization: Bearer <token>'";
    }
}
