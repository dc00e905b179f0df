package com.boxoffice.kernel.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks the {@code Authorization: Bearer <token>} header of an admin request against the configured token. Both sides
 * are hashed before the constant-time comparison, so that neither the content nor the length of the token leaks
 * through timing. Without a configured token nothing is admitted: the endpoints are never open by default.
 */
public final class AdminCredential {

    private static final String BEARER = "Bearer ";

    private final byte[] expectedHash;

    public AdminCredential(String configuredToken) {
        this.expectedHash = configuredToken == null || configuredToken.isBlank() ? null : sha256(configuredToken.strip());
    }

    public boolean enabled() {
        return expectedHash != null;
    }

    /** Returns normally when the header carries the configured token; throws {@link AdminAccessException} otherwise. */
    public void check(String authorizationHeader) {
        if (!enabled()) {
            throw AdminAccessException.notConfigured();
        }
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw AdminAccessException.unauthenticated("Send the admin token as 'Authorization: Bearer <token>'");
        }
        String presented = authorizationHeader.substring(BEARER.length()).strip();
        if (!MessageDigest.isEqual(expectedHash, sha256(presented))) {
            throw AdminAccessException.unauthenticated("The bearer token is not the admin token");
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
