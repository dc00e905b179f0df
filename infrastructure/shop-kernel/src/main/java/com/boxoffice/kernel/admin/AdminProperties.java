package com.boxoffice.kernel.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The operator endpoints under {@code /api/admin}.
 *
 * @param token           a static bearer token that opens them besides an operator's JWT, for scripts; blank (the
 *                        default): operators' JWTs only
 * @param shutdownTimeout how long a reset waits for the processor to stop on this instance; default 30 s
 */
@ConfigurationProperties(prefix = "boxoffice.admin")
public record AdminProperties(String token, Duration shutdownTimeout) {

    public static final String TOKEN_PROPERTY = "boxoffice.admin.token";

    public AdminProperties {
        if (shutdownTimeout == null) {
            shutdownTimeout = Duration.ofSeconds(30);
        }
    }
}
