package com.boxoffice.kernel.admin;

/** An admin request without the right credential: 401 (missing or wrong token) or 403 (no token configured). */
public final class AdminAccessException extends RuntimeException {

    private final boolean disabled;

    private AdminAccessException(String message, boolean disabled) {
        super(message);
        this.disabled = disabled;
    }

    static AdminAccessException unauthenticated(String message) {
        return new AdminAccessException(message, false);
    }

    static AdminAccessException notConfigured() {
        return new AdminAccessException("The admin endpoints are disabled: no admin token is configured. Set "
                + AdminProperties.TOKEN_PROPERTY + " (environment variable BOXOFFICE_ADMIN_TOKEN) to a secret and send it"
                + " as 'Authorization: Bearer <token>'", true);
    }

    /** No token configured, as opposed to a wrong or missing one. */
    public boolean disabled() {
        return disabled;
    }
}
