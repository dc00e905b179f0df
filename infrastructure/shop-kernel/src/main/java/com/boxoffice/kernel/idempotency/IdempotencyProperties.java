package com.boxoffice.kernel.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code Idempotency-Key}s, under {@code boxoffice.idempotency}.
 *
 * @param retention how long a key's answer is kept and replayed (default 24 h; DynamoDB's time to live deletes it
 *                  later)
 * @param lease     how long a request may hold its key while it runs (default 30 s, longer than a command's timeout):
 *                  a key whose holder crashed is free again after this
 * @param retryWait how long a retry waits for the first request with its key to answer before it is told to retry
 *                  later (default 30 s)
 */
@ConfigurationProperties("boxoffice.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention,
                                    @DefaultValue("30s") Duration lease,
                                    @DefaultValue("30s") Duration retryWait) {
}
