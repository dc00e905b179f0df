package com.boxoffice.kernel.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The static admin token, an opt-in for operators' scripts: compares a presented bearer token with the configured one.
 * Both sides are hashed before the constant-time comparison, so that neither the content nor the length of the token
 * leaks through timing. Without a configured token nothing matches: the token never opens anything by default.
 */
public final class AdminCredential {

    private final byte[] expectedHash;

    public AdminCredential(String configuredToken) {
        this.expectedHash = configuredToken == null || configuredToken.isBlank() ? null : sha256(configuredToken.strip());
    }

    public boolean enabled() {
        return expectedHash != null;
    }

    /** Whether the bearer token presented (without its {@code Bearer } scheme) is the configured admin token. */
    public boolean matches(String presentedToken) {
        return enabled() && presentedToken != null
                && MessageDigest.isEqual(expectedHash, sha256(presentedToken.strip()));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
