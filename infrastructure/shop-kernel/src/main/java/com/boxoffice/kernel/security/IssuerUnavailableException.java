package com.boxoffice.kernel.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A token that could not be judged because the issuer's signing keys could not be fetched: the caller's token may be
 * fine, so it is told to try again (503) rather than that it is not accepted. Spring Security would let its
 * {@code AuthenticationServiceException} through as a 500.
 */
final class IssuerUnavailableException extends AuthenticationException {

    IssuerUnavailableException(Throwable cause) {
        super("The issuer's signing keys could not be fetched", cause);
    }
}
