package com.boxoffice.app.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The event trail, under {@code boxoffice.event-trail}.
 *
 * @param retention how long an event stays browsable by request id and type after it happened (DynamoDB's time to
 *                  live deletes it later, usually within days); the event store keeps every event regardless
 */
@ConfigurationProperties("boxoffice.event-trail")
public record EventTrailProperties(@DefaultValue("P30D") Duration retention) {

    public EventTrailProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("boxoffice.event-trail.retention must be positive, was " + retention);
        }
    }
}
